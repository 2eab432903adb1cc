import {
  type ClearSignInThrottle,
  clearedSignInThrottleSchema,
  type SignInThrottles,
  signInThrottlesSchema,
} from '../../schemas/sign-in-throttles';
import { requestJson } from './api';

/** The sign-in throttles (管理者). */
export function fetchSignInThrottles(signal?: AbortSignal): Promise<SignInThrottles> {
  return requestJson('GET', '/api/v1/sign-in-throttles', signInThrottlesSchema, { signal });
}

/** Clears the failures of a login id, an address, or both; answers how many and the list after. */
export function clearSignInThrottle(target: ClearSignInThrottle) {
  return requestJson('POST', '/api/v1/sign-in-throttles/clear', clearedSignInThrottleSchema, {
    body: target,
  });
}
