import type { NominalDates, SheetDateField, SheetDates } from '../../domain/sheet-dates';
import {
  nominalDatesSchema,
  type WardYearDatesAnswer,
  wardYearDatesAnswerSchema,
} from '../../schemas/sheet-dates';
import { sheetViewSchema } from '../../schemas/sheet-edit';
import { z } from '../../schemas/zod';
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
  const body = {
    ward: query.ward,
    ...(query.municipality ? { municipality: query.municipality } : {}),
    fiscalYear: query.fiscalYear,
    dates,
  };
  return requestJson('PUT', '/api/v1/ward-year-dates', wardYearDatesAnswerSchema, { body });
}

const changedSchema = z.object({ changes: z.number(), sheet: sheetViewSchema });

export async function saveSheetDates(
  id: string,
  input: { version: number; dates: Partial<SheetDates>; follow: SheetDateField[]; reason?: string },
) {
  return (await requestJson('PUT', `${sheetPath(id)}/dates`, changedSchema, { body: input })).sheet;
}
