import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { sheetHistory, sheetSnapshots, sheets, users } from '../../../db/schema';
import type { SheetChange } from '../../../domain/sheet-diff';
import type { SnapshotStage } from '../../../domain/sheet-lifecycle';
import type { SheetDetail } from '../../../schemas/sheet';
import { AppError } from '../../app-error';

/** Who did something: a user, or a named process such as an import from the command line. */
export interface HistoryActor {
  id: string | null;
  name: string;
}

/** The app itself, loading its sample data into an empty database at start-up. */
export const sampleLoaderActor: HistoryActor = { id: null, name: 'サンプルデータの読み込み（起動時）' };

type Entry = Omit<
  typeof sheetHistory.$inferInsert,
  'id' | 'version' | 'actorId' | 'actorName' | 'at' | 'sheetId'
> & {
  sheetId: string;
  actor: HistoryActor;
};

/**
 * Append one entry to a sheet's history, stamped with the sheet's version after the change (read
 * by the INSERT itself: one statement).
 */
export async function recordHistory(tx: Tx, { actor, ...entry }: Entry): Promise<void> {
  const version = sql<number>`coalesce((select ${sheets.version} from ${sheets} where ${sheets.id} = ${entry.sheetId}), 0)`;
  await tx.insert(sheetHistory).values({ ...entry, version, actorId: actor.id, actorName: actor.name });
}

/** Keep the sheet as it stands now as its 作成/修正/評価 snapshot (the latest of each stage). */
export async function takeSnapshot(tx: Tx, sheetId: string, stage: SnapshotStage, document: SheetDetail) {
  await tx
    .insert(sheetSnapshots)
    .values({ sheetId, stage, version: document.version, document })
    .onConflictDoUpdate({
      target: [sheetSnapshots.sheetId, sheetSnapshots.stage],
      set: { version: document.version, document, at: new Date() },
    });
}

export interface HistoryEntry {
  id: number;
  version: number;
  at: string;
  actor: string;
  kind: string;
  action: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  changes: SheetChange[];
}

/** A sheet's history, newest first. */
export async function listHistory(db: Db, sheetId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .select({ entry: sheetHistory, userName: users.displayName })
    .from(sheetHistory)
    .leftJoin(users, eq(sheetHistory.actorId, users.id))
    .where(eq(sheetHistory.sheetId, sheetId))
    .orderBy(desc(sheetHistory.id));
  return rows.map(({ entry, userName }) => ({
    id: entry.id,
    version: entry.version,
    at: entry.at.toISOString(),
    actor: userName ?? entry.actorName,
    kind: entry.kind,
    action: entry.action,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    comment: entry.comment,
    changes: entry.changes,
  }));
}

/** The snapshots a sheet has, oldest stage first, without their documents. */
export async function listSnapshots(db: Db, sheetId: string) {
  return db
    .select({ stage: sheetSnapshots.stage, version: sheetSnapshots.version, at: sheetSnapshots.at })
    .from(sheetSnapshots)
    .where(eq(sheetSnapshots.sheetId, sheetId))
    .orderBy(asc(sheetSnapshots.at));
}

export async function getSnapshot(db: Db, sheetId: string, stage: SnapshotStage): Promise<SheetDetail> {
  const [row] = await db
    .select({ document: sheetSnapshots.document })
    .from(sheetSnapshots)
    .where(and(eq(sheetSnapshots.sheetId, sheetId), eq(sheetSnapshots.stage, stage)));
  if (!row) throw new AppError('not_found', 'この段階のシートはまだ記録されていません。');
  return row.document;
}
