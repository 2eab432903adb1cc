import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { organizations, sheets } from '../../../db/schema';
import type { SheetPolicySubject } from '../../../domain/sheet-policy';
import type { StaleSheetDetails } from '../../../schemas/sheet-edit';
import { AppError } from '../../app-error';
import { loadSheetDetail } from './get-sheet';
import type { SheetRow } from './load-sheets';
import { loadSheetSubject, subjectOf } from './sheet-access';

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
  /**
   * Whether the writer may write this sheet (throws if not: see `authorize`), asked of the sheet
   * as locked, and of the sheet as it is before a stale answer shows it.
   */
  allow?: (subject: SheetPolicySubject) => void;
}

/** What `write` returns to roll everything back (not even the version moves) and answer `answer`. */
export type KeepNothing<T> = (answer: T) => never;

/**
 * Run `write` in one transaction that first takes the sheet at the expected version (bumping it),
 * so everything `write` reads is exactly that version; `sheet` is its row as locked and `subject`
 * what the policy asks of it. If anyone wrote since, nothing runs and the caller gets the stale
 * answer. `write` may call `keepNothing(answer)` to roll the whole transaction back and answer
 * with `answer`.
 */
export async function writeAtVersion<T>(
  db: Db,
  expected: ExpectedVersion,
  write: (tx: Tx, sheet: SheetRow, keepNothing: KeepNothing<T>, subject: SheetPolicySubject) => Promise<T>,
): Promise<T> {
  const outcome: { kept?: { answer: T } } = {};
  const keepNothing: KeepNothing<T> = (answer) => {
    outcome.kept = { answer };
    throw new NothingKept();
  };
  try {
    return await db.transaction(async (tx) => {
      const { sheet, subject } = await lockSheetVersion(tx, expected);
      return write(tx, sheet, keepNothing, subject);
    });
  } catch (error) {
    if (error instanceof NothingKept && outcome.kept) return outcome.kept.answer;
    throw error;
  }
}

class NothingKept extends Error {}

/**
 * Take the sheet at the expected version inside the caller's transaction: one UPDATE … SET
 * version = version + 1 WHERE id = … AND version = expected, so of concurrent writers from one
 * version exactly one gets the row and the others the stale answer. The row comes back with its
 * 部区's municipality, for the policy: one statement.
 */
async function lockSheetVersion(
  tx: Tx,
  expected: ExpectedVersion,
): Promise<{ sheet: SheetRow; subject: SheetPolicySubject }> {
  const [locked] = await tx
    .update(sheets)
    .set({ version: sql`${sheets.version} + 1`, updatedAt: new Date() })
    .from(organizations)
    .where(
      and(
        eq(sheets.id, expected.sheetId),
        eq(sheets.version, expected.version),
        eq(organizations.id, sheets.wardId),
      ),
    )
    .returning({ ...getTableColumns(sheets), municipalityId: organizations.municipalityId });
  if (!locked) {
    // Only someone who may write the sheet learns that it changed, and what it is now.
    expected.allow?.((await loadSheetSubject(tx, expected.sheetId)).subject);
    throw await staleVersion(tx, expected.sheetId);
  }
  const { municipalityId, ...sheet } = locked;
  const subject = subjectOf(sheet, municipalityId);
  expected.allow?.(subject);
  return { sheet, subject };
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
    `このシートは他の人が先に保存しました（現在の版：${current.version}）。最新の内容を確認してから、もう一度変更してください。`,
    [],
    details,
  );
}
