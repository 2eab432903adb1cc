import { queryOptions } from '@tanstack/react-query';
import {
  type ClearSignInThrottle,
  clearedSignInThrottleSchema,
  signInThrottlesSchema,
} from '../../schemas/sign-in-throttles';
import { requestJson } from './api';

// Apart from queries.ts: only the 管理者's page loads the throttles' schemas.

/** Who is being slowed at sign-in changes by the second: always read fresh (管理者). */
export const signInThrottlesQuery = () =>
  queryOptions({
    queryKey: ['sign-in-throttles'],
    queryFn: ({ signal }) =>
      requestJson('GET', '/api/v1/sign-in-throttles', signInThrottlesSchema, { signal }),
    staleTime: 0,
  });

/** Clears the failures of a login id, an address, or both; answers how many and the list after. */
export function clearSignInThrottle(target: ClearSignInThrottle) {
  return requestJson('POST', '/api/v1/sign-in-throttles/clear', clearedSignInThrottleSchema, {
    body: target,
  });
}
