import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { sheets } from '../../../db/schema';
import type { SheetStatus } from '../../../domain/sheet-status';
import type { StaleSheetDetails } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { loadSheetDetail } from './get-sheet';
import type { SheetRow } from './load-sheets';

/**
 * A sheet's optimistic-concurrency version. Every write of what a sheet shows moves
 * `sheets.version` by one, here and nowhere else: a writer that started from a version (the
 * editor, a move, a revision, the sheet's own dates) takes the sheet at that version first
 * (`writeAtVersion`), and a writer that has none (an import, a 部区's dates, an approved
 * correction) bumps it (`bumpSheetVersion`). A writer that lost gets the stale answer: 409 with
 * the sheet as it is now.
 */

/** Columns a writer sets together with the version. */
export type SheetColumns = Partial<Omit<typeof sheets.$inferInsert, 'id' | 'version' | 'updatedAt'>>;

export interface ExpectedVersion {
  sheetId: string;
  /** The version the writer started from. */
  version: number;
  /** The state the writer was allowed in: a sheet that has left it is stale too. */
  status?: SheetStatus;
}

/** What `write` returns to roll everything back (not even the version moves) and answer `answer`. */
export type KeepNothing<T> = (answer: T) => never;

/**
 * Run `write` in one transaction that first takes the sheet at the expected version (bumping it),
 * so everything `write` reads is exactly that version; `sheet` is its row as locked. If anyone
 * wrote since, nothing runs and the caller gets the stale answer. `write` may call
 * `keepNothing(answer)` to roll the whole transaction back and answer with `answer`.
 */
export async function writeAtVersion<T>(
  db: Db,
  expected: ExpectedVersion,
  write: (tx: Tx, sheet: SheetRow, keepNothing: KeepNothing<T>) => Promise<T>,
): Promise<T> {
  const outcome: { kept?: { answer: T } } = {};
  const keepNothing: KeepNothing<T> = (answer) => {
    outcome.kept = { answer };
    throw new NothingKept();
  };
  try {
    return await db.transaction(async (tx) => write(tx, await lockSheetVersion(tx, expected), keepNothing));
  } catch (error) {
    if (error instanceof NothingKept && outcome.kept) return outcome.kept.answer;
    throw error;
  }
}

class NothingKept extends Error {}

/**
 * Take the sheet at the expected version inside the caller's transaction: one UPDATE … SET
 * version = version + 1 WHERE id = … AND version = expected, so of concurrent writers from one
 * version exactly one gets the row and the others the stale answer.
 */
async function lockSheetVersion(tx: Tx, expected: ExpectedVersion): Promise<SheetRow> {
  const [locked] = await tx
    .update(sheets)
    .set({ version: sql`${sheets.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(sheets.id, expected.sheetId),
        eq(sheets.version, expected.version),
        expected.status === undefined ? undefined : eq(sheets.status, expected.status),
      ),
    )
    .returning();
  if (!locked) throw await staleVersion(tx, expected.sheetId);
  return locked;
}

/**
 * Move the version of a sheet written by a writer that started from no version (it holds the
 * row or writes the whole year), with the columns it sets, inside its transaction.
 */
export async function bumpSheetVersion(tx: Tx, sheetId: string, set: SheetColumns = {}): Promise<void> {
  await tx
    .update(sheets)
    .set({ ...set, version: sql`${sheets.version} + 1`, updatedAt: new Date() })
    .where(eq(sheets.id, sheetId));
}

/** 409 carrying the sheet as it is now, so the editor can show what changed instead of overwriting. */
async function staleVersion(db: Db | Tx, sheetId: string): Promise<AppError> {
  const current = await loadSheetDetail(db, sheetId);
  const details: StaleSheetDetails = { current };
  return new AppError(
    'conflict',
    `このシートは他の人が先に保存しました（現在の版: ${current.version}）。最新の内容を確認してから、もう一度変更してください。`,
    [],
    details,
  );
}
