import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { sheets } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import {
  carriesDate,
  officialDate,
  type SheetDateField,
  type SheetDates,
  sheetDateFields,
  sheetDateLabels,
  sheetDatesIssues,
} from '../../../domain/sheet-dates';
import type { SheetChange } from '../../../domain/sheet-diff';
import type { SheetPolicySubject } from '../../../domain/sheet-policy';
import type { SetSheetDates } from '../../../schemas/sheet-dates';
import { AppError } from '../../app-error';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { authorize } from '../sheets/sheet-access';
import { writeAtVersion } from '../sheets/sheet-version';
import { sheetsWithApprovedRevision } from './approved-revisions';
import { datesOfSheet, nominalDatesOf, wardYearDatesOf } from './official-dates';

const individually = 'このシート個別の日付';
const followingWardYear = '部区の日付（未設定なら既定の日付）';

/**
 * 企画担当 sets one sheet's own 作成日・修正日・評価日 (any state, 評価確定 and 公開 included), or
 * returns a date to the 部区's date for the year. Recorded in the sheet's history.
 */
export async function setSheetDates(
  db: Db,
  options: SetSheetDates & { actor: Actor; by: HistoryActor; sheetId: string },
): Promise<{ changes: SheetChange[] }> {
  const expected = {
    sheetId: options.sheetId,
    version: options.version,
    allow: (subject: SheetPolicySubject) => authorize(options.actor, 'setDates', subject),
  };
  return writeAtVersion(db, expected, async (tx, locked, keepNothing, subject) => {
    const current = datesOfSheet(locked);
    const next: SheetDates = { ...current };
    const own = new Set(locked.datesSetIndividually);
    for (const field of sheetDateFields) {
      const value = options.dates[field];
      if (value === undefined) continue;
      next[field] = value;
      own.add(field);
    }
    if (options.follow.length > 0) {
      const wardYear = await wardYearDatesOf(tx, locked.wardId, locked.fiscalYear);
      const nominal = await nominalDatesOf(tx, subject.municipalityId);
      const revised = await sheetsWithApprovedRevision(tx, [locked.id], locked.fiscalYear);
      for (const field of options.follow) {
        own.delete(field);
        const carries = carriesDate(field, {
          status: locked.status,
          dates: current,
          hasApprovedRevision: revised.has(locked.id),
          setIndividually: [],
        });
        next[field] = carries ? officialDate(field, locked.fiscalYear, wardYear, nominal) : null;
      }
    }
    const issues = sheetDatesIssues(locked.fiscalYear, next);
    if (issues.length > 0) {
      throw new AppError(
        'invalid',
        '日付を確かめてください。',
        issues.map((i) => ({ path: `dates.${i.field}`, message: i.message })),
      );
    }

    const changes: SheetChange[] = [];
    for (const field of sheetDateFields) {
      if (next[field] !== current[field]) {
        changes.push({
          path: field,
          label: sheetDateLabels[field],
          before: current[field],
          after: next[field],
          part: 'any',
        });
      }
      const was = locked.datesSetIndividually.includes(field);
      if (was !== own.has(field)) {
        changes.push({
          path: `datesSetIndividually.${field}`,
          label: `${sheetDateLabels[field]}の決め方`,
          before: was ? individually : followingWardYear,
          after: own.has(field) ? individually : followingWardYear,
          part: 'any',
        });
      }
    }
    // Setting the dates a sheet already has changes nothing, not even the version.
    if (changes.length === 0) return keepNothing({ changes });
    const datesSetIndividually = sheetDateFields.filter((f) => own.has(f)) as SheetDateField[];
    await tx
      .update(sheets)
      .set({ ...next, datesSetIndividually })
      .where(eq(sheets.id, locked.id));
    await recordHistory(tx, {
      sheetId: locked.id,
      actor: options.by,
      kind: 'dates',
      action: 'sheet',
      comment: options.reason || 'このシートの作成日・修正日・評価日の設定',
      changes,
    });
    await notifySheetChanged(tx, [locked.id]);
    return { changes };
  });
}
