import { and, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheets, wardYears } from '../../../db/schema';
import { addBusinessDays } from '../../../domain/business-days';
import { missedDeadline, phaseLabels, phaseOf } from '../../../domain/deadlines';
import { formatJapaneseDate } from '../../../domain/fiscal-year';
import { nextStepLabels, waitingOn } from '../../../domain/notifications';
import { deadlineAhead } from '../../../domain/progress-board';
import { deadlinesOf } from '../sheets/list-ward-sheets';
import { notify, sheetLabel, sheetPeople } from './notify';

/** A deadline this many 開庁日 away, or nearer, is announced once to the sheet's people. */
const deadlineNoticeBusinessDays = 3;

/**
 * Once a day: each open sheet whose deadline falls within `deadlineNoticeBusinessDays` business
 * days (weekends, holidays and 年末年始 not counted) is announced to those whose step it waits
 * for (`waitingOn`); each overdue one to them and the 企画担当. Each is told once per sheet, phase and deadline (the
 * notifications' once-key), however many servers run this and however often.
 */
export async function noticeOfDeadlines(db: Db, today: string, now = new Date()): Promise<number> {
  const horizon = addBusinessDays(today, deadlineNoticeBusinessDays);
  const rows = await db
    .select({ sheet: sheets, year: wardYears })
    .from(sheets)
    .innerJoin(
      wardYears,
      and(eq(wardYears.wardId, sheets.wardId), eq(wardYears.fiscalYear, sheets.fiscalYear)),
    )
    .where(notInArray(sheets.status, ['evaluated', 'published']));
  let told = 0;
  for (const { sheet, year } of rows) {
    const deadlines = deadlinesOf(year);
    const missed = missedDeadline(sheet.status, deadlines, today);
    const ahead = deadlineAhead(sheet.status, deadlines);
    if (missed) {
      const deadline = deadlines[missed] ?? '';
      told += await notify(
        db,
        await sheetPeople(db, sheet, [...new Set([...waitingOn(sheet.status), 'planner' as const])]),
        {
          kind: 'overdue',
          sheetId: sheet.id,
          subject: `${sheetLabel(sheet)}：${phaseLabels[missed]}の期限を過ぎています`,
          body: `期限：${formatJapaneseDate(deadline)}\n${nextStepLabels[sheet.status] ?? phaseLabels[missed]}をお願いします。`,
          link: `/sheets/${sheet.id}`,
          onceKey: `overdue:${sheet.id}:${missed}:${deadline}`,
        },
        { now },
      );
    } else if (ahead && ahead >= today && ahead <= horizon) {
      const phase = phaseLabels[phaseOf(sheet.status)];
      told += await notify(
        db,
        await sheetPeople(db, sheet, waitingOn(sheet.status)),
        {
          kind: 'deadlineSoon',
          sheetId: sheet.id,
          subject: `${sheetLabel(sheet)}：${phase}の期限が近づいています（${formatJapaneseDate(ahead)}）`,
          body: `期限：${formatJapaneseDate(ahead)}\n期限までに${nextStepLabels[sheet.status] ?? phase}をお願いします。`,
          link: `/sheets/${sheet.id}`,
          onceKey: `deadlineSoon:${sheet.id}:${ahead}`,
        },
        { now },
      );
    }
  }
  return told;
}
