import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { wardYears } from '../../../db/schema';
import { phaseLabels, phaseOf } from '../../../domain/deadlines';
import { deadlineAhead } from '../../../domain/progress-board';
import type { Actor } from '../../../domain/roles';
import { AppError } from '../../app-error';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { deadlinesOf } from '../sheets/list-ward-sheets';
import { authorize, loadSheetSubject } from '../sheets/sheet-access';
import { noticeOfReminder } from './sheet-notices';

/**
 * 督促: the 企画担当 asks a sheet's 担当者 and 所属長 to finish the step it stands at, by its
 * deadline. They are notified (and mailed, as each takes mail); the sheet's history keeps who
 * asked, when and with what words. The sheet itself, and its version, are not touched.
 * Returns how many people were told.
 */
export async function remindSheet(
  db: Db,
  options: { actor: Actor; by: HistoryActor; sheetId: string; message?: string | undefined },
): Promise<number> {
  return db.transaction(async (tx) => {
    const { sheet, subject } = await loadSheetSubject(tx, options.sheetId);
    authorize(options.actor, 'remind', subject);
    const [year] = await tx
      .select()
      .from(wardYears)
      .where(and(eq(wardYears.wardId, sheet.wardId), eq(wardYears.fiscalYear, sheet.fiscalYear)));
    const deadline = deadlineAhead(sheet.status, deadlinesOf(year));
    const phase = phaseLabels[phaseOf(sheet.status)];
    const told = await noticeOfReminder(
      tx,
      sheet,
      { deadline, phase, message: options.message ?? null },
      options.by,
    );
    if (told === 0) {
      throw new AppError(
        'conflict',
        'このシートの担当者・所属長が登録されていないため、督促できません。管理者に利用者の登録を依頼してください。',
      );
    }
    await recordHistory(tx, {
      sheetId: sheet.id,
      actor: options.by,
      kind: 'reminder',
      action: phaseOf(sheet.status),
      comment: options.message ?? null,
    });
    return told;
  });
}
