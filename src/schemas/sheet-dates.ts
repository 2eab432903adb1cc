import { monthDayIssue, nominalOrderIssues, sheetDateFields } from '../domain/sheet-dates';
import { plainText } from './text';
import { z } from './zod';

/**
 * The sheet's official dates (作成日・修正日・評価日) at each level: the municipality's nominal
 * month and day, a 部区's year, one sheet. See src/domain/sheet-dates.ts for the rules.
 */

const isoDate = z.iso.date('存在する日付を YYYY-MM-DD の形式で指定してください（例：2023-04-01）');

const monthDay = z.string('月日を MM-DD の形式で指定してください').superRefine((text, ctx) => {
  const issue = monthDayIssue(text);
  if (issue) ctx.addIssue({ code: 'custom', message: issue });
});

/** GET/PUT /api/v1/nominal-dates: month and day of each date, e.g. { createdOn: '04-01', … }. */
export const nominalDatesSchema = z
  .strictObject({ createdOn: monthDay, revisedOn: monthDay, evaluatedOn: monthDay })
  .superRefine((dates, ctx) => {
    // Only once each month and day is valid: the order of invalid dates says nothing.
    if (sheetDateFields.some((field) => monthDayIssue(dates[field]))) return;
    for (const issue of nominalOrderIssues(dates))
      ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  });

/** Three ISO dates, each null for none. */
export const sheetDatesSchema = z.strictObject({
  createdOn: isoDate.nullable(),
  revisedOn: isoDate.nullable(),
  evaluatedOn: isoDate.nullable(),
});

/** PUT /api/v1/ward-year-dates: the 部区's dates of a year (企画担当); null: the nominal date. */
export const setWardYearDatesSchema = z.strictObject({
  ward: z.string('部区を指定してください').trim().min(1, '部区を指定してください'),
  municipality: z.string().trim().min(1).optional(),
  fiscalYear: z.number('年度を数値で指定してください').int('整数で指定してください').min(1989).max(2100),
  dates: sheetDatesSchema,
});
export type SetWardYearDates = z.infer<typeof setWardYearDatesSchema>;

/** What a 部区's year's dates are, and which sheets setting them changed. */
export const wardYearDatesAnswerSchema = z.object({
  dates: sheetDatesSchema,
  /** The dates a sheet of the year gets: the year's where set, else the nominal ones. */
  official: sheetDatesSchema,
  updatedSheets: z.array(z.object({ sheetId: z.uuid(), title: z.string() })),
});
export type WardYearDatesAnswer = z.infer<typeof wardYearDatesAnswerSchema>;

const dateField = z.enum(
  sheetDateFields,
  'createdOn（作成日）・revisedOn（修正日）・evaluatedOn（評価日）のいずれかを指定してください',
);

/**
 * PUT /api/v1/sheets/:id/dates (企画担当): this sheet's own dates. A date (or null) given here is
 * the sheet's own and the 部区's dates no longer change it; a field in `follow` goes back to the
 * 部区's date for the year (or the nominal one).
 */
export const setSheetDatesSchema = z
  .strictObject({
    version: z.number('版（version）を指定してください').int().min(1),
    dates: sheetDatesSchema.partial().default({}),
    follow: z.array(dateField).max(3).default([]),
    reason: plainText(2_000).trim().optional(),
  })
  .superRefine((body, ctx) => {
    for (const field of body.follow) {
      if (field in body.dates)
        ctx.addIssue({
          code: 'custom',
          path: ['follow'],
          message: '同じ日付を個別に設定しながら部区の日付に戻すことはできません',
        });
    }
  });
export type SetSheetDates = z.infer<typeof setSheetDatesSchema>;
