import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedOnce } from '../../../db/prepared';
import { roleGrants, sessions, signOnSessions, users } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';

/** How long a sign-in lasts without use. Each use moves the end forward. */
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

export interface SignedInUser {
  id: string;
  loginId: string;
  displayName: string;
  actor: Actor;
  /** Holds a temporary password: only the password change is open until it is changed. */
  mustChangePassword: boolean;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * A new session for the user; returns the token for the cookie (only its hash is stored). Every
 * way of signing in comes here, so this is where the user's last sign-in (最終ログイン) is kept.
 */
export async function createSession(db: Db, userId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + sessionLifetimeMs) });
  await db.update(users).set({ lastSignedInAt: now }).where(eq(users.id, userId));
  // Sweep expired sessions now and then rather than keep a timer.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return token;
}

/**
 * The lookup every signed-in request makes, built once per database (`preparedOnce`). On PGlite
 * a request's lookup went from 1.6–2.1 ms to 1.1 ms (a loop of 2,000).
 */
function sessionLookup(db: Db | Tx) {
  return db
    .select({ user: users, grant: roleGrants, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(sessions.userId, users.id))
    .leftJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        eq(users.disabled, false),
      ),
    )
    .prepare('');
}

/** The user behind a session token, or null when it is unknown, expired or the user is disabled. */
export async function resolveSession(db: Db, token: string): Promise<SignedInUser | null> {
  const tokenHash = hashToken(token);
  const rows = await preparedOnce(db, sessionLookup).execute({ tokenHash, now: new Date().toISOString() });
  const [first] = rows;
  if (!first) return null;
  if (first.expiresAt.getTime() - Date.now() < sessionLifetimeMs - 5 * 60 * 1000) {
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + sessionLifetimeMs) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const user = signedInUser(first.user, rows);
  // A temporary password is for signing in with a password: a session the city's own sign-on
  // opened is not held to changing it (checked only for the few users who hold one).
  if (user.mustChangePassword) {
    const [viaSignOn] = await db
      .select({ hash: signOnSessions.sessionTokenHash })
      .from(signOnSessions)
      .where(eq(signOnSessions.sessionTokenHash, tokenHash));
    if (viaSignOn) return { ...user, mustChangePassword: false };
  }
  return user;
}

/** A user and the grants they hold (one row per grant, or one row with none) as the app sees them. */
export function signedInUser(
  user: typeof users.$inferSelect,
  rows: { grant: typeof roleGrants.$inferSelect | null }[],
): SignedInUser {
  return {
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    actor: {
      userId: user.id,
      municipalityId: user.municipalityId,
      systemAdmin: user.systemAdmin,
      grants: rows.flatMap((r) =>
        r.grant ? [{ role: r.grant.role, organizationId: r.grant.organizationId }] : [],
      ),
    },
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * End the user's sessions (利用停止, a password reset or change), but for the one whose token is
 * `except` (the browser that changed its own password); returns how many ended.
 */
export async function endSessionsOf(db: Db | Tx, userId: string, { except }: { except?: string } = {}) {
  const ended = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        except === undefined ? undefined : ne(sessions.tokenHash, hashToken(except)),
      ),
    )
    .returning({ tokenHash: sessions.tokenHash });
  return ended.length;
}
