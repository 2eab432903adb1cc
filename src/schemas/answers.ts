import { phases } from '../domain/deadlines';
import type { SheetChange } from '../domain/sheet-diff';
import { snapshotStages } from '../domain/sheet-lifecycle';
import { sheetViewSchema } from './sheet-edit';
import { z } from './zod';

/**
 * The answers of the routes that have no schema elsewhere: jobs, imports, the consistency
 * report, rollover and history. Server and web read them from here.
 */

export const jobStatusSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  error: z
    .object({
      code: z.string().optional(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
      details: z.unknown().optional(),
    })
    .optional(),
  result: z.unknown().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const consistencyReportSchema = z.object({
  ward: z.string(),
  fiscalYear: z.number().int(),
  sheets: z.number().int(),
  /** The phase of the year (作成・修正・評価・完了): the report lists what fits it. */
  phase: z.enum(phases),
  items: z.array(
    z.object({
      kind: z.string(),
      sheetId: z.uuid(),
      sheetTitle: z.string(),
      path: z.string(),
      where: z.string(),
      message: z.string(),
    }),
  ),
});
export type ConsistencyReport = z.infer<typeof consistencyReportSchema>;
export type ConsistencyItem = ConsistencyReport['items'][number];

export const rolloverSummarySchema = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  created: z.array(z.object({ sheetId: z.uuid(), title: z.string() })),
  /** Organizations that already had a sheet for the new year (left as they are). */
  skipped: z.array(z.string()),
});
export type RolloverSummary = z.infer<typeof rolloverSummarySchema>;

/** The part of the sheet a change belongs to (`any`: editable whenever something is). */
const changeParts = ['plan', 'results', 'any'] as const satisfies readonly SheetChange['part'][];

export const historySchema = z.object({
  entries: z.array(
    z.object({
      id: z.number(),
      version: z.number(),
      at: z.string(),
      actor: z.string(),
      kind: z.string(),
      action: z.string().nullable(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      comment: z.string().nullable(),
      changes: z.array(
        z.object({
          path: z.string(),
          label: z.string(),
          before: z.string().nullable(),
          after: z.string().nullable(),
          part: z.enum(changeParts),
        }),
      ),
    }),
  ),
  snapshots: z.array(z.object({ stage: z.enum(snapshotStages), version: z.number(), at: z.string() })),
});
export type SheetHistory = z.infer<typeof historySchema>;
export type HistoryEntry = SheetHistory['entries'][number];

/** 過年度実績の訂正: the proposal's id with the sheet it was proposed on, and the decided sheet. */
export const correctionProposedSchema = z.object({
  correction: z.object({ id: z.uuid() }),
  sheet: sheetViewSchema,
});
export type CorrectionProposed = z.infer<typeof correctionProposedSchema>;
/** The decided correction's sheet, when the request named one (`?sheet=`). */
export const correctionDecidedSchema = z.object({ sheet: sheetViewSchema.nullable() });
export type CorrectionDecided = z.infer<typeof correctionDecidedSchema>;

/** `GET /api/health` when the database is ready (while starting, 503 with `status: 'starting'`). */
export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});
