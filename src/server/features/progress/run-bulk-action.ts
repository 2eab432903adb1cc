import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheets } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { BulkActionRequest, BulkResult } from '../../../schemas/bulk-action';
import { sheetTitle } from '../../../schemas/sheet-header';
import { AppError } from '../../app-error';
import { remindSheet } from '../notifications/remind-sheet';
import type { HistoryActor } from '../sheets/history';
import { transitionSheet } from '../sheets/transition-sheet';

export interface BulkActionOptions extends BulkActionRequest {
  actor: Actor;
  by: HistoryActor;
  /** The job this runs as: a 督促 tried again by the job tells nobody twice. */
  jobId: string;
  onProgress(done: number, total: number): void;
}

/**
 * 一括操作: the move is made on each sheet as the single action would make it — its own
 * transaction, its policy check at the version the user saw, its history entry — so one sheet
 * refused (its state, the user's role, a change since the board was read) leaves the others done.
 * A 督促 changes no sheet, so it is sent whatever the version the board was read at.
 */
export async function runBulkAction(db: Db, options: BulkActionOptions): Promise<BulkResult> {
  const ids = options.sheets.map((s) => s.id);
  const found = await db
    .select({
      id: sheets.id,
      departmentName: sheets.departmentName,
      organizationName: sheets.organizationName,
    })
    .from(sheets)
    .where(inArray(sheets.id, ids));
  const titles = new Map(found.map((row) => [row.id, sheetTitle(row)]));
  const statusOf = async (id: string) =>
    (await db.select({ status: sheets.status }).from(sheets).where(eq(sheets.id, id)))[0]?.status ?? null;
  const results: BulkResult['sheets'] = [];
  const total = options.sheets.length;
  options.onProgress(0, total);
  for (const chosen of options.sheets) {
    const title = titles.get(chosen.id) ?? '（不明なシート）';
    try {
      const { action, actor, by, comment } = options;
      if (action === 'remind') {
        await remindSheet(db, { actor, by, sheetId: chosen.id, message: comment, once: options.jobId });
      } else {
        await transitionSheet(db, {
          actor,
          by,
          sheetId: chosen.id,
          version: chosen.version,
          transition: action,
          comment,
        });
      }
      results.push({
        sheetId: chosen.id,
        title,
        outcome: 'done',
        status: await statusOf(chosen.id),
        reason: null,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        sheetId: chosen.id,
        title,
        outcome: 'refused',
        status: await statusOf(chosen.id),
        reason: error.message,
      });
    }
    options.onProgress(results.length, total);
  }
  const done = results.filter((r) => r.outcome === 'done').length;
  return { action: options.action, done, refused: results.length - done, sheets: results };
}
