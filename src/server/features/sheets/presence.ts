import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheetPresence, users } from '../../../db/schema';
import type { Presence } from '../../../schemas/presence';

/** How long an editor's mark counts without a new one (it sends one every 20 seconds). */
const freshSeconds = 60;

/**
 * Marks `userId` as having the sheet's editor open now and answers who else has: their marks
 * younger than a minute. Marks older than a day are dropped on the way, so the table stays small.
 */
export async function notePresence(db: Db, sheetId: string, userId: string): Promise<Presence> {
  await db
    .insert(sheetPresence)
    .values({ sheetId, userId })
    .onConflictDoUpdate({
      target: [sheetPresence.sheetId, sheetPresence.userId],
      set: { seenAt: sql`now()` },
    });
  await db
    .delete(sheetPresence)
    .where(and(eq(sheetPresence.sheetId, sheetId), lt(sheetPresence.seenAt, sql`now() - interval '1 day'`)));
  const others = await db
    .select({ name: users.displayName, seenAt: sheetPresence.seenAt })
    .from(sheetPresence)
    .innerJoin(users, eq(users.id, sheetPresence.userId))
    .where(
      and(
        eq(sheetPresence.sheetId, sheetId),
        ne(sheetPresence.userId, userId),
        gt(sheetPresence.seenAt, sql`now() - make_interval(secs => ${freshSeconds})`),
      ),
    )
    .orderBy(asc(users.displayName));
  return { others: others.map((o) => ({ name: o.name, seenAt: o.seenAt.toISOString() })) };
}

/** The user has left the sheet's editor. */
export async function leavePresence(db: Db, sheetId: string, userId: string): Promise<void> {
  await db
    .delete(sheetPresence)
    .where(and(eq(sheetPresence.sheetId, sheetId), eq(sheetPresence.userId, userId)));
}
