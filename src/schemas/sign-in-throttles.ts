import { nameText } from './text';
import { z } from './zod';

const instant = z.iso.datetime({ offset: true });

/** One login id from one address, slowed by its failures (429 until `retryAt`). */
const throttledLoginAddressSchema = z.object({
  loginId: z.string(),
  address: z.string(),
  /** Whether a user has this login id (failures on unknown ids are throttled alike). */
  knownLogin: z.boolean(),
  failures: z.number().int(),
  lastFailureAt: instant,
  /** When the next attempt is accepted; null: now (the next failure waits longer). */
  retryAt: instant.nullable(),
});

/** A login id failing from many addresses: every attempt on it waits `delaySeconds` before checking. */
const throttledLoginSchema = z.object({
  loginId: z.string(),
  knownLogin: z.boolean(),
  failures: z.number().int(),
  addresses: z.number().int(),
  lastFailureAt: instant,
  delaySeconds: z.number(),
  /** When the wait ends if nothing more fails. */
  until: instant,
});

/** An address where many login ids failed: every attempt from it waits `delaySeconds` before checking. */
const throttledAddressSchema = z.object({
  address: z.string(),
  logins: z.number().int(),
  failures: z.number().int(),
  lastFailureAt: instant,
  delaySeconds: z.number(),
  until: instant,
});

/** A 管理者 cleared failures: who, when, what, how many. */
const signInThrottleClearingSchema = z.object({
  loginId: z.string().nullable(),
  address: z.string().nullable(),
  failures: z.number().int(),
  clearedBy: z.string(),
  clearedAt: instant,
});

/** GET /api/v1/sign-in-throttles (管理者). */
export const signInThrottlesSchema = z.object({
  now: instant,
  /** How long a failure counts for each kind, in minutes. */
  windowMinutes: z.object({ loginAddress: z.number(), login: z.number(), address: z.number() }),
  loginAddresses: z.array(throttledLoginAddressSchema),
  logins: z.array(throttledLoginSchema),
  addresses: z.array(throttledAddressSchema),
  /** The latest clearings, newest first. */
  clearings: z.array(signInThrottleClearingSchema),
});
export type SignInThrottles = z.infer<typeof signInThrottlesSchema>;

/** POST /api/v1/sign-in-throttles/clear: the failures of a login id, an address, or both. */
export const clearSignInThrottleSchema = z
  .strictObject({
    loginId: nameText(100, 'ログインIDを指定してください').optional(),
    address: nameText(100, '接続元を指定してください').optional(),
  })
  .refine((body) => body.loginId !== undefined || body.address !== undefined, {
    message: 'ログインIDか接続元を指定してください',
    path: ['loginId'],
  });
export type ClearSignInThrottle = z.infer<typeof clearSignInThrottleSchema>;

export const clearedSignInThrottleSchema = z.object({
  cleared: z.number().int(),
  throttles: signInThrottlesSchema,
});
