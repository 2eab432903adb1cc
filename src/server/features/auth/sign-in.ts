import { and, eq, gt, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { signInFailures, users } from '../../../db/schema';
import {
  decideSignIn,
  defaultSignInThrottle,
  formatWait,
  longestWindowMs,
  type SignInFailureCounts,
  type SignInThrottleParams,
} from '../../../domain/sign-in-throttle';
import { AppError } from '../../app-error';
import { type Clock, systemClock } from '../../clock';
import { refusePasswordWhereTurnedOff } from '../sign-on/local-passwords';
import { unusableHash, verifyPassword } from './password';
import { createSession } from './sessions';

export interface SignInOptions {
  clock: Clock;
  throttle: SignInThrottleParams;
}

export const defaultSignInOptions: SignInOptions = { clock: systemClock, throttle: defaultSignInThrottle };

const rejected = () =>
  new AppError('unauthenticated', 'ログインIDまたはパスワードが正しくありません。', [
    { path: 'password', message: 'ログインIDまたはパスワードが正しくありません' },
  ]);

const japanTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A 429 saying when to try again; `details.retryAfterSeconds` becomes the Retry-After header. */
function waitFirst(retryAt: Date, retryAfterSeconds: number): AppError {
  const [hour, minute, second] = ['hour', 'minute', 'second'].map(
    (type) => japanTime.formatToParts(retryAt).find((part) => part.type === type)?.value ?? '',
  );
  return new AppError(
    'rate_limited',
    `ログインに続けて失敗したため、少し時間をおいてください。${hour}時${minute}分${second}秒（あと${formatWait(retryAfterSeconds)}）を過ぎたら、もう一度ログインできます。`,
    [],
    { retryAfterSeconds, retryAt: retryAt.toISOString() },
  );
}

/** The recent failures that concern this attempt (other than its own row), each rule within its window. */
async function failureCounts(
  db: Db,
  input: { loginId: string; address: string; now: Date; ownId: number; throttle: SignInThrottleParams },
): Promise<SignInFailureCounts> {
  const since = (windowMs: number) => gt(signInFailures.at, new Date(input.now.getTime() - windowMs));
  const sameLogin = eq(signInFailures.loginId, input.loginId);
  const sameAddress = eq(signInFailures.address, input.address);
  const pair = and(sameLogin, sameAddress, since(input.throttle.loginAddress.windowMs));
  const [row] = await db
    .select({
      pair: sql<number>`(count(*) filter (where ${pair}))::int`,
      pairLast: max(sql`case when ${pair} then ${signInFailures.at} end`).mapWith(signInFailures.at),
      loginElsewhere: sql<number>`(count(*) filter (where ${sameLogin} and not ${sameAddress} and ${since(input.throttle.login.windowMs)}))::int`,
      addressLogins: sql<number>`(count(distinct ${signInFailures.loginId}) filter (where ${sameAddress} and ${since(input.throttle.address.windowMs)}))::int`,
    })
    .from(signInFailures)
    .where(
      and(
        since(longestWindowMs(input.throttle)),
        ne(signInFailures.id, input.ownId),
        or(sameLogin, sameAddress),
      ),
    );
  return {
    loginAddress: { failures: row?.pair ?? 0, lastFailureAt: row?.pairLast ?? null },
    loginElsewhere: row?.loginElsewhere ?? 0,
    addressLogins: row?.addressLogins ?? 0,
  };
}

/**
 * Check a password under the sign-in throttle (src/domain/sign-in-throttle.ts), for signing in
 * and for changing one's own password alike: the attempt is recorded as a failure before
 * anything else, so attempts sent at once count against each other; it is taken back when the
 * throttle refuses it (429: nothing was checked), and a success clears the failures of this
 * login id from this address. `check` says whether the password is right.
 */
export async function throttledPasswordCheck<T>(
  db: Db,
  input: { loginId: string; address: string },
  check: () => Promise<T | null>,
  { clock, throttle }: SignInOptions = defaultSignInOptions,
): Promise<T | null> {
  const now = clock.now();
  const [own] = await db
    .insert(signInFailures)
    .values({ loginId: input.loginId, address: input.address, at: now })
    .returning({ id: signInFailures.id });
  if (!own) throw new Error('insert returned no row');
  const counts = await failureCounts(db, { ...input, now, ownId: own.id, throttle });
  const decision = decideSignIn(counts, now, throttle);
  if (!decision.allowed) {
    await db.delete(signInFailures).where(eq(signInFailures.id, own.id));
    throw waitFirst(decision.retryAt, decision.retryAfterSeconds);
  }
  if (decision.delayMs > 0) await clock.sleep(decision.delayMs);

  const passed = await check();
  if (passed === null) {
    // The wait runs from the moment the failure was answered, not from when the check began.
    await db.update(signInFailures).set({ at: clock.now() }).where(eq(signInFailures.id, own.id));
    // Failures no rule looks at any more are swept now and then rather than by a timer.
    if (own.id % 100 === 0) {
      const before = new Date(now.getTime() - longestWindowMs(throttle));
      await db.delete(signInFailures).where(lt(signInFailures.at, before));
    }
    return null;
  }
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.loginId, input.loginId), eq(signInFailures.address, input.address)));
  return passed;
}

/** Check the password (under the throttle) and open a session; returns the session token. */
export async function signIn(
  db: Db,
  input: { loginId: string; password: string; address: string },
  options: SignInOptions = defaultSignInOptions,
): Promise<string> {
  const user = await throttledPasswordCheck(
    db,
    input,
    async () => {
      const [found] = await db.select().from(users).where(eq(users.loginId, input.loginId));
      const ok = await verifyPassword(input.password, found?.passwordHash ?? unusableHash);
      return found && ok && !found.disabled ? found : null;
    },
    options,
  );
  if (!user) throw rejected();
  await refusePasswordWhereTurnedOff(db, user);
  return createSession(db, user.id);
}
