import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { nominalDates, wardYears } from '../../../db/schema';
import {
  defaultNominalDates,
  type NominalDates,
  type SheetDateField,
  type SheetDates,
  stampedDate,
} from '../../../domain/sheet-dates';
import type { SheetRow } from '../sheets/load-sheets';

/** The municipality's nominal dates (month and day), or the defaults when it has set none. */
export async function nominalDatesOf(db: Db | Tx, municipalityId: string): Promise<NominalDates> {
  const [row] = await db.select().from(nominalDates).where(eq(nominalDates.municipalityId, municipalityId));
  return row
    ? { createdOn: row.createdOn, revisedOn: row.revisedOn, evaluatedOn: row.evaluatedOn }
    : defaultNominalDates;
}

/** The dates the 企画担当 set for a 部区's year; null where none is set. */
export async function wardYearDatesOf(db: Db | Tx, wardId: string, fiscalYear: number): Promise<SheetDates> {
  const [row] = await db
    .select({
      createdOn: wardYears.createdOn,
      revisedOn: wardYears.revisedOn,
      evaluatedOn: wardYears.evaluatedOn,
    })
    .from(wardYears)
    .where(and(eq(wardYears.wardId, wardId), eq(wardYears.fiscalYear, fiscalYear)));
  return row ?? { createdOn: null, revisedOn: null, evaluatedOn: null };
}

export function datesOfSheet(sheet: Pick<SheetRow, SheetDateField>): SheetDates {
  return { createdOn: sheet.createdOn, revisedOn: sheet.revisedOn, evaluatedOn: sheet.evaluatedOn };
}

/**
 * The date a phase completing now prints on the sheet (承認 → 作成日, 修正の承認 → 修正日,
 * 評価確定 → 評価日): its own date if the 企画担当 set one on it, else the 部区's date for the
 * year, else the municipality's nominal date in the sheet's fiscal year — never today's date.
 */
export async function dateToStamp(
  db: Db | Tx,
  sheet: SheetRow,
  municipalityId: string,
  field: SheetDateField,
): Promise<string | null> {
  const wardYear = await wardYearDatesOf(db, sheet.wardId, sheet.fiscalYear);
  const nominal = await nominalDatesOf(db, municipalityId);
  return stampedDate(
    field,
    { fiscalYear: sheet.fiscalYear, dates: datesOfSheet(sheet), setIndividually: sheet.datesSetIndividually },
    wardYear,
    nominal,
  );
}
