import { parseFiscalYear } from '../domain/fiscal-year';
import { deadlinesSchema } from './sheet';
import { municipalityName, wardName } from './text';
import { z } from './zod';

/**
 * What is asked of a 部区's year as a whole (its deadlines, its rollover, its booklet) and the
 * answers that have no other home. The year's list of sheets is in `sheet.ts`, its dates in
 * `sheet-dates.ts`, its consistency report and rollover summary in `answers.ts`.
 */

/** `?fiscalYear=` as people write it: 2022, 令和4年度, R4. */
export const fiscalYearParam = z.string('年度を指定してください').transform((text, ctx) => {
  const year = parseFiscalYear(text);
  if (year === null) {
    ctx.addIssue({ code: 'custom', message: '年度は 2022・令和4年度・R4 のように指定してください' });
    return z.NEVER;
  }
  return year;
});

/** `?ward=…&municipality=…`: a 部区 (of the user's municipality unless named). */
export const wardQuery = z.object({ ward: wardName, municipality: municipalityName });

/** `?fiscalYear=…&ward=…&municipality=…`: a 部区's year (lists, downloads, export, 点検表). */
export const wardYearQuery = z.object({ fiscalYear: fiscalYearParam, ...wardQuery.shape });
export type WardYearQuery = z.output<typeof wardYearQuery>;

const fiscalYear = z.number('年度を数値で指定してください').int().min(1989).max(2100);

/** PUT /api/v1/deadlines (企画担当): the 作成・修正・評価 deadlines of a year, each an ISO date or null. */
export const setDeadlinesSchema = z.strictObject({
  ward: wardName,
  municipality: municipalityName,
  fiscalYear,
  deadlines: deadlinesSchema.strict(),
});
export type SetDeadlines = z.infer<typeof setDeadlinesSchema>;

/** The answer to PUT /api/v1/deadlines: the deadlines as stored. */
export const deadlinesSetSchema = z.object({ deadlines: deadlinesSchema });
export type DeadlinesSet = z.infer<typeof deadlinesSetSchema>;

/** POST /api/v1/rollover (企画担当): next year's sheets from this year's. */
export const rollOverSchema = z.strictObject({
  ward: wardName,
  municipality: municipalityName,
  fromYear: z.number('元になる年度を数値で指定してください').int().min(1989).max(2099),
});
export type RollOver = z.infer<typeof rollOverSchema>;

/** POST /api/v1/jobs/booklet: the booklet of a 部区's published sheets of a year. */
export const bookletJobSchema = z.strictObject({
  ward: wardName,
  municipality: municipalityName,
  fiscalYear,
});
export type BookletJob = z.infer<typeof bookletJobSchema>;
