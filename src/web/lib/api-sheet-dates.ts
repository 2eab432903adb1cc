import type { NominalDates, SheetDates } from '../../domain/sheet-dates';
import {
  nominalDatesSchema,
  type SetSheetDates,
  type SetWardYearDates,
  type WardYearDatesAnswer,
  wardYearDatesAnswerSchema,
} from '../../schemas/sheet-dates';
import { type SheetView, sheetSavedSchema } from '../../schemas/sheet-edit';
import { requestJson, sheetPath, type WardYearQuery } from './api';

/**
 * The sheet's official dates (作成日・修正日・評価日): the municipality's nominal month and day
 * (管理者), a 部区's year's dates and one sheet's own (企画担当).
 */

export function fetchNominalDates(signal?: AbortSignal): Promise<NominalDates> {
  return requestJson('GET', '/api/v1/nominal-dates', nominalDatesSchema, { signal });
}

export function saveNominalDates(dates: NominalDates): Promise<NominalDates> {
  return requestJson('PUT', '/api/v1/nominal-dates', nominalDatesSchema, { body: dates });
}

export function saveWardYearDates(query: WardYearQuery, dates: SheetDates): Promise<WardYearDatesAnswer> {
  const body: SetWardYearDates = {
    ward: query.ward,
    ...(query.municipality ? { municipality: query.municipality } : {}),
    fiscalYear: query.fiscalYear,
    dates,
  };
  return requestJson('PUT', '/api/v1/ward-year-dates', wardYearDatesAnswerSchema, { body });
}

/** This sheet's own dates (企画担当); answers with the sheet as it is now. */
export async function saveSheetDates(id: string, input: SetSheetDates): Promise<SheetView> {
  return (await requestJson('PUT', `${sheetPath(id)}/dates`, sheetSavedSchema, { body: input })).sheet;
}
