import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { wardYears } from '../../../db/schema';
import { actualYears, formatFiscalYear } from '../../../domain/fiscal-year';
import type { Licence } from '../../../domain/licence';
import type { Actor } from '../../../domain/roles';
import type { Cell, IndicatorFile, SheetFile, WardYearFile } from '../../../schemas/interchange';
import { headerToFile } from '../../../schemas/sheet-header';
import { AppError } from '../../app-error';
import { evaluationRuleOf } from '../evaluation-rules/evaluation-rule-of';
import { municipalityLicence } from '../licence/licence-of';
import { findWard } from '../organizations/find-ward';
import {
  loadSheetRecords,
  type PlacedIndicator,
  type SheetRecord,
  storedValue,
  type ValueRow,
} from '../sheets/load-sheets';
import { readableWardYearSheets } from '../sheets/load-ward-year';
import { presentRevision } from '../sheets/present-sheet';

export interface ExportWardYearOptions {
  municipality?: string | undefined;
  ward: string;
  fiscalYear: number;
  /** Who asks: only the sheets they may read are exported. Absent: everything (the command line). */
  actor?: Actor | null;
}

/** A 部区's sheets of one year in the interchange format, with the licence they are published under. */
export async function exportWardYear(
  db: Db,
  options: ExportWardYearOptions,
): Promise<WardYearFile & { licence: Licence }> {
  const ward = await findWard(db, options);
  const [yearRow] = await db
    .select()
    .from(wardYears)
    .where(and(eq(wardYears.wardId, ward.id), eq(wardYears.fiscalYear, options.fiscalYear)));
  const readable = await readableWardYearSheets(db, ward, {
    actor: options.actor,
    fiscalYear: options.fiscalYear,
  });
  if (!yearRow && readable.length === 0) {
    throw new AppError(
      'not_found',
      `${ward.name}の${formatFiscalYear(options.fiscalYear)}のシートはありません。`,
    );
  }
  const records = await loadSheetRecords(db, readable);
  // The public's file is the publication: the reasons go with it only when the municipality publishes them.
  const withAids = options.actor !== null || (await evaluationRuleOf(db, ward.municipalityId)).publishAids;
  return {
    municipality: ward.municipalityName,
    ward: ward.name,
    fiscalYear: options.fiscalYear,
    source: yearRow?.source ?? null,
    sheets: records.map((record) => toSheetFile(record, withAids)),
    uncertain: yearRow?.uncertain ?? [],
    licence: await municipalityLicence(db, ward.municipalityId),
  };
}

function toSheetFile({ sheet, goals }: SheetRecord, withAids: boolean): SheetFile {
  const { status, ...header } = headerToFile(sheet);
  return {
    ...header,
    goals: goals.map(({ goal, indicators }) => ({
      no: goal.no,
      parentNo: goal.parentNo,
      text: goal.text,
      initiatives: goal.initiatives,
      indicators: indicators.map((placed) => toIndicatorFile(placed, sheet.fiscalYear, withAids)),
    })),
    status,
  };
}

function toIndicatorFile(
  { placement, indicator, values, revisions }: PlacedIndicator,
  fy: number,
  withAids: boolean,
): IndicatorFile {
  const file: IndicatorFile = {
    name: indicator.name,
    unit: indicator.unit,
    actuals: Object.fromEntries(
      actualYears(fy).map((year) => [String(year), toCell(storedValue(values, year, 'result'))]),
    ),
    target: toCell(storedValue(values, fy, 'target')),
    result: toCell(storedValue(values, fy, 'result')),
    note: placement.note,
    achievement: placement.achievement,
    evaluation: placement.evaluation,
  };
  if (indicator.direction !== 'higher') file.direction = indicator.direction;
  if (withAids && placement.evaluationReason !== null) file.evaluationReason = placement.evaluationReason;
  if (placement.milestoneDone !== null) file.milestoneDone = placement.milestoneDone;
  if (revisions.length > 0) {
    file.revisions = revisions.map(presentRevision);
  }
  return file;
}

function toCell(row: ValueRow | null): Cell {
  return { text: row?.text ?? null, value: row?.value ?? null };
}
