import { type Me, meSchema, type SignIn, signedInOrOutSchema } from '../../schemas/auth';
import { requestJson } from './api';

/** Who is signed in (`user: null` for the public). */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return requestJson('GET', '/api/v1/auth/me', meSchema, { signal });
}

/** Opens a session; the session cookie is HttpOnly and set by the server. */
export async function signIn(input: SignIn): Promise<void> {
  await requestJson('POST', '/api/v1/auth/sign-in', signedInOrOutSchema, { body: input });
}
