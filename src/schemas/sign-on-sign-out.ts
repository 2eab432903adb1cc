import { z } from './zod';

// Apart from sign-on.ts: the header's ログアウト of every page parses it, and the rest of the
// sign-on's schemas would otherwise join the first load of the public sheet page.

/** POST /api/v1/auth/sign-on/sign-out: the session is ended; the provider's logout to follow, if any. */
export const signOnSignOutSchema = z.object({
  ok: z.literal(true),
  providerLogoutUrl: z.string().nullable(),
});
export type SignOnSignOut = z.infer<typeof signOnSignOutSchema>;
