import { type Me, meSchema, type SignIn, signedInOrOutSchema } from '../../schemas/auth';
import { signOnSignOutSchema } from '../../schemas/sign-on-sign-out';
import { requestJson } from './api';

/** Who is signed in (`user: null` for the public). */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return requestJson('GET', '/api/v1/auth/me', meSchema, { signal });
}

/**
 * Ends the session; when it came from シングルサインオン, the provider's logout URL to go to
 * next (else null). Passwords' sessions and sign-on's end through the same call.
 */
export async function signOut(): Promise<string | null> {
  return (await requestJson('POST', '/api/v1/auth/sign-on/sign-out', signOnSignOutSchema)).providerLogoutUrl;
}

/** Opens a session; the session cookie is HttpOnly and set by the server. */
export async function signIn(input: SignIn): Promise<void> {
  await requestJson('POST', '/api/v1/auth/sign-in', signedInOrOutSchema, { body: input });
}
