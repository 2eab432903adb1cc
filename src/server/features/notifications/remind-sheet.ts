import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifications, wardYears } from '../../../db/schema';
import { nextStepLabels, waitingOn } from '../../../domain/notifications';
import { deadlineAhead } from '../../../domain/progress-board';
import type { Actor } from '../../../domain/roles';
import { AppError } from '../../app-error';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { deadlinesOf } from '../sheets/list-ward-sheets';
import { authorize, loadSheetSubject } from '../sheets/sheet-access';
import { sheetPeople } from './notify';
import { noticeOfReminder } from './sheet-notices';

/**
 * 督促: the 企画担当 asks those whose step a sheet waits for (担当者 and 所属長 to write, the
 * 所属長 to decide) to take it by its deadline. They are notified (and mailed, as each takes
 * mail); the sheet's history keeps who asked, when and with what words. The sheet itself, and
 * its version, are not touched. `once` names the request (a bulk job): tried again, it tells
 * nobody twice. Returns how many people were told.
 */
export async function remindSheet(
  db: Db,
  options: {
    actor: Actor;
    by: HistoryActor;
    sheetId: string;
    message?: string | undefined;
    once?: string | undefined;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const { sheet, subject } = await loadSheetSubject(tx, options.sheetId);
    authorize(options.actor, 'remind', subject);
    const recipients = (await sheetPeople(tx, sheet, waitingOn(sheet.status))).filter(
      (id) => id !== options.by.id,
    );
    if (recipients.length === 0) {
      throw new AppError(
        'conflict',
        'このシートの担当者・所属長が登録されていないため、督促できません。管理者に担当者・所属長の登録を依頼してください。',
      );
    }
    const onceKey = options.once ? `reminder:${options.once}:${sheet.id}` : undefined;
    if (onceKey) {
      const [told] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(inArray(notifications.userId, recipients), eq(notifications.onceKey, onceKey)))
        .limit(1);
      if (told) return 0;
    }
    const [year] = await tx
      .select()
      .from(wardYears)
      .where(and(eq(wardYears.wardId, sheet.wardId), eq(wardYears.fiscalYear, sheet.fiscalYear)));
    const told = await noticeOfReminder(
      tx,
      sheet,
      {
        deadline: deadlineAhead(sheet.status, deadlinesOf(year)),
        step: nextStepLabels[sheet.status] ?? '',
        message: options.message ?? null,
      },
      options.by,
      { recipients, onceKey },
    );
    await recordHistory(tx, {
      sheetId: sheet.id,
      actor: options.by,
      kind: 'reminder',
      action: sheet.status,
      comment: options.message ?? null,
    });
    return told;
  });
}
