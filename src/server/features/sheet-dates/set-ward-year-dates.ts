import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged, notifyWardChanged } from '../../../db/notify';
import { sheets, wardYears } from '../../../db/schema';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import {
  followWardYear,
  nominalDatesIn,
  type SheetDateField,
  type SheetDates,
  sheetDateFields,
  sheetDateLabels,
  sheetDatesIssues,
} from '../../../domain/sheet-dates';
import type { SheetChange } from '../../../domain/sheet-diff';
import type { WardYearDatesAnswer } from '../../../schemas/sheet-dates';
import { sheetTitle } from '../../../schemas/sheet-header';
import { AppError } from '../../app-error';
import { findWard } from '../organizations/find-ward';
import { authorizeWard } from '../organizations/ward-access';
import { type HistoryActor, recordHistory } from '../sheets/history';
import { bumpSheetVersion } from '../sheets/sheet-version';
import { sheetsWithApprovedRevision } from './approved-revisions';
import { datesOfSheet, nominalDatesOf, wardYearDatesOf } from './official-dates';

/**
 * 企画担当 sets the 作成日・修正日・評価日 of a 部区's year (null: the municipality's nominal
 * date). Every sheet of that year that already carries the changed date (or has come through
 * its phase) follows it, with a history entry; a date the 企画担当 set on one sheet itself is
 * left as it is. Sheets that have not reached the phase get the date when they do.
 */
export async function setWardYearDates(
  db: Db,
  options: {
    actor: Actor;
    by: HistoryActor;
    ward: string;
    municipality?: string | undefined;
    fiscalYear: number;
    dates: SheetDates;
  },
): Promise<WardYearDatesAnswer> {
  const ward = await findWard(db, options);
  authorizeWard(options.actor, 'setSheetDates', ward);
  const { fiscalYear, dates } = options;
  const issues = sheetDatesIssues(fiscalYear, dates);
  if (issues.length > 0) {
    throw new AppError(
      'invalid',
      '日付を確かめてください。',
      issues.map((i) => ({ path: `dates.${i.field}`, message: i.message })),
    );
  }
  const yearLabel = formatFiscalYear(fiscalYear);
  return db.transaction(async (tx) => {
    const nominal = await nominalDatesOf(tx, ward.municipalityId);
    const before = await wardYearDatesOf(tx, ward.id, fiscalYear);
    const changedFields = sheetDateFields.filter((f) => before[f] !== dates[f]);
    await tx
      .insert(wardYears)
      .values({ wardId: ward.id, fiscalYear, ...dates })
      .onConflictDoUpdate({ target: [wardYears.wardId, wardYears.fiscalYear], set: dates });
    const rows = await tx
      .select()
      .from(sheets)
      .where(and(eq(sheets.wardId, ward.id), eq(sheets.fiscalYear, fiscalYear)))
      .orderBy(asc(sheets.position))
      .for('update');
    const revised = await sheetsWithApprovedRevision(
      tx,
      rows.map((r) => r.id),
      fiscalYear,
    );
    const updatedSheets: WardYearDatesAnswer['updatedSheets'] = [];
    const refused: { path: string; message: string }[] = [];
    for (const row of rows) {
      const current = datesOfSheet(row);
      const follow = followWardYear(
        {
          fiscalYear,
          status: row.status,
          dates: current,
          hasApprovedRevision: revised.has(row.id),
          setIndividually: row.datesSetIndividually,
        },
        dates,
        nominal,
        changedFields,
      );
      const fields = Object.keys(follow) as SheetDateField[];
      if (fields.length === 0) continue;
      const next = { ...current, ...follow };
      for (const issue of sheetDatesIssues(fiscalYear, next)) {
        refused.push({
          path: `dates.${issue.field}`,
          message: `${sheetTitle(row)}：${issue.message}（このシートに個別に設定した日付を先に直してください）`,
        });
      }
      if (refused.length > 0) continue;
      await bumpSheetVersion(tx, row.id, follow);
      const changes: SheetChange[] = fields.map((field) => ({
        path: field,
        label: sheetDateLabels[field],
        before: current[field],
        after: next[field],
        part: 'any',
      }));
      await recordHistory(tx, {
        sheetId: row.id,
        actor: options.by,
        kind: 'dates',
        action: 'wardYear',
        comment: `${ward.name} ${yearLabel}の作成日・修正日・評価日の設定による変更`,
        changes,
      });
      updatedSheets.push({ sheetId: row.id, title: sheetTitle(row) });
    }
    if (refused.length > 0) {
      throw new AppError(
        'invalid',
        '個別に設定した日付と前後が合わないシートがあるため、設定できませんでした。何も変更していません。',
        refused,
      );
    }
    if (updatedSheets.length > 0) {
      await notifySheetChanged(
        tx,
        updatedSheets.map((s) => s.sheetId),
      );
    }
    await notifyWardChanged(tx, [ward.id]);
    const official = nominalDatesIn(fiscalYear, nominal);
    return {
      dates,
      official: {
        createdOn: dates.createdOn ?? official.createdOn,
        revisedOn: dates.revisedOn ?? official.revisedOn,
        evaluatedOn: dates.evaluatedOn ?? official.evaluatedOn,
      },
      updatedSheets,
    };
  });
}
