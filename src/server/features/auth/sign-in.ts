import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { signInFailures, users } from '../../../db/schema';
import { AppError } from '../../app-error';
import { unusableHash, verifyPassword } from './password';
import { createSession } from './sessions';

/**
 * After this many failures within the window, wait: few for one login id, more for one
 * address (a city office reaches us from behind one NAT address).
 */
export const signInThrottle = { perLogin: 5, perAddress: 50, windowMs: 15 * 60 * 1000 } as const;

const rejected = () =>
  new AppError('unauthenticated', 'ログインIDまたはパスワードが正しくありません。', [
    { path: 'password', message: 'ログインIDまたはパスワードが正しくありません' },
  ]);

/** Check the password and open a session; returns the session token. */
export async function signIn(
  db: Db,
  input: { loginId: string; password: string; address: string },
): Promise<string> {
  const since = new Date(Date.now() - signInThrottle.windowMs);
  const [recent] = await db
    .select({
      login: sql<number>`(count(*) filter (where ${signInFailures.loginId} = ${input.loginId}))::int`,
      address: sql<number>`(count(*) filter (where ${signInFailures.address} = ${input.address}))::int`,
    })
    .from(signInFailures)
    .where(
      and(
        gt(signInFailures.at, since),
        or(eq(signInFailures.loginId, input.loginId), eq(signInFailures.address, input.address)),
      ),
    );
  if (
    (recent?.login ?? 0) >= signInThrottle.perLogin ||
    (recent?.address ?? 0) >= signInThrottle.perAddress
  ) {
    throw new AppError(
      'rate_limited',
      'ログインの失敗が続いたため、しばらくログインできません。15分ほどおいてからもう一度お試しください。',
    );
  }
  const [user] = await db.select().from(users).where(eq(users.loginId, input.loginId));
  const ok = await verifyPassword(input.password, user?.passwordHash ?? unusableHash);
  if (!user || !ok || user.disabled) {
    await db.insert(signInFailures).values({ loginId: input.loginId, address: input.address });
    throw rejected();
  }
  return createSession(db, user.id);
}
