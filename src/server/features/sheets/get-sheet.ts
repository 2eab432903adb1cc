import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { preparedOnce } from '../../../db/prepared';
import { evaluationRules, goals, municipalities, organizations, sheets } from '../../../db/schema';
import { defaultEvaluationRule } from '../../../domain/evaluation-rule';
import { type Licence, licenceOf } from '../../../domain/licence';
import type { SheetDateField } from '../../../domain/sheet-dates';
import type { SheetPolicySubject } from '../../../domain/sheet-policy';
import type { SheetDetail } from '../../../schemas/sheet';
import { AppError } from '../../app-error';
import { loadSheetRecords } from './load-sheets';
import { presentSheet } from './present-sheet';
import { subjectOf } from './sheet-access';

/** A sheet as the API shows it, with what the policy asks of it and its own dates, from one read of its row. */
export interface LoadedSheet {
  detail: SheetDetail;
  subject: SheetPolicySubject;
  /** The dates set on this sheet alone (a 部区-wide date leaves them as they are). */
  datesSetIndividually: SheetDateField[];
  /** Whether the municipality publishes the 目安 and the reasons (see `publicDetail`). */
  publishAids: boolean;
  /** The licence the municipality publishes under (the sheet's page and PDF state it). */
  licence: Licence;
}

/**
 * One sheet as the API shows it, with everything it shows (the 409 of a stale write, the
 * snapshots and the import's diff keep this shape too), read with whatever connection is at hand.
 */
export async function loadSheetDetail(db: Db | Tx, sheetId: string): Promise<SheetDetail> {
  return (await loadSheet(db, sheetId)).detail;
}

/** A sheet's row `id` with its 部区, municipality (and its licence), evaluation rule and the 部区's own goals of the year. */
function sheetRowQuery(db: Db | Tx) {
  return db
    .select({
      sheet: sheets,
      municipalityId: organizations.municipalityId,
      wardName: organizations.name,
      municipalityName: municipalities.name,
      licenceName: municipalities.licenceName,
      licenceUrl: municipalities.licenceUrl,
      rule: evaluationRules,
      // The 部区's own sheet of the year: the goals this sheet's 部区 numbers point to.
      wardGoals: sql<{ no: number; text: string }[]>`(
        select coalesce(json_agg(json_build_object('no', g.no, 'text', g.text)), '[]'::json)
        from ${goals} g join ${sheets} w on g.sheet_id = w.id
        where w.organization_id = ${sheets.wardId} and w.ward_id = ${sheets.wardId}
          and w.fiscal_year = ${sheets.fiscalYear})`,
    })
    .from(sheets)
    .innerJoin(organizations, eq(sheets.wardId, organizations.id))
    .innerJoin(municipalities, eq(organizations.municipalityId, municipalities.id))
    .leftJoin(evaluationRules, eq(evaluationRules.municipalityId, municipalities.id))
    .where(eq(sheets.id, sql.placeholder('id')))
    .prepare('');
}

/** `loadSheetDetail` with the sheet's policy subject and own dates, which its row also holds. */
export async function loadSheet(db: Db | Tx, sheetId: string): Promise<LoadedSheet> {
  const [row] = await preparedOnce(db, sheetRowQuery).execute({ id: sheetId });
  if (!row) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  const [record] = await loadSheetRecords(db, [row.sheet]);
  if (!record) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  const detail = presentSheet(
    record,
    { id: row.sheet.wardId, name: row.wardName, municipalityName: row.municipalityName },
    row.rule ?? defaultEvaluationRule,
    new Map(row.wardGoals.map((g) => [g.no, g.text])),
  );
  return {
    detail,
    subject: subjectOf(row.sheet, row.municipalityId),
    datesSetIndividually: row.sheet.datesSetIndividually,
    publishAids: row.rule?.publishAids ?? false,
    licence: licenceOf(row),
  };
}
