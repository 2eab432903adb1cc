import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { userChanges } from '../../../db/schema';
import type { UserChangeAction } from '../../../domain/user-changes';

/** Who made a change: a signed-in user, or the command line / an outside sign-on (id null). */
export interface ChangedBy {
  id: string | null;
  name: string;
}

/** The command line's name in the record (`mokuhyo create-user`). */
export const commandLine: ChangedBy = { id: null, name: 'コマンド' };

/** One entry of a user's record, in the transaction of the change. Never a password. */
export async function recordUserChange(
  tx: Db | Tx,
  entry: {
    userId: string;
    municipalityId: string;
    action: UserChangeAction;
    detail?: unknown;
    by: ChangedBy;
    at?: Date;
  },
): Promise<void> {
  await tx.insert(userChanges).values({
    userId: entry.userId,
    municipalityId: entry.municipalityId,
    action: entry.action,
    detail: entry.detail ?? null,
    changedBy: entry.by.id,
    changedByName: entry.by.name,
    ...(entry.at ? { changedAt: entry.at } : {}),
  });
}

/** The id of the user's newest record entry (null: none), what an edit is checked against. */
export async function lastChangeIdOf(db: Db | Tx, userId: string): Promise<number | null> {
  const [row] = await db
    .select({ id: userChanges.id })
    .from(userChanges)
    .where(eq(userChanges.userId, userId))
    .orderBy(desc(userChanges.id))
    .limit(1);
  return row?.id ?? null;
}
