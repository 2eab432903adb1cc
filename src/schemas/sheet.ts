import { phases } from '../domain/deadlines';
import { directions, evaluations } from '../domain/evaluation';
import { sheetStatuses } from '../domain/sheet-status';
import { licenceSchema } from './licence';
import { correctionNoteSchema } from './result-correction';
import { sheetDatesSchema } from './sheet-dates';
import { z } from './zod';

/** What the read API returns. The web app parses responses with these same schemas. */

const breakdownSchema = z.array(
  z.object({ label: z.string(), value: z.number(), unit: z.string().nullable() }),
);

/** A value cell as shown: the text as written, its number and its breakdown. */
const valueCellSchema = z.object({
  text: z.string().nullable(),
  value: z.number().nullable(),
  breakdown: breakdownSchema,
});
export type ValueCell = z.infer<typeof valueCellSchema>;

export const wardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  municipality: z.string(),
  fiscalYears: z.array(z.number().int()),
});
export type Ward = z.infer<typeof wardSchema>;

export const organizationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['ward', 'unit']),
  parentId: z.uuid().nullable(),
  wardId: z.uuid().nullable(),
  phone: z.string().nullable(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const evaluationCountsSchema = z.object({
  達成: z.number().int(),
  一部未達成: z.number().int(),
  未達成: z.number().int(),
  未評価: z.number().int(),
});

export const deadlinesSchema = z.object({
  plan: z.iso.date('日付は YYYY-MM-DD の形式で入力してください').nullable(),
  revision: z.iso.date('日付は YYYY-MM-DD の形式で入力してください').nullable(),
  evaluation: z.iso.date('日付は YYYY-MM-DD の形式で入力してください').nullable(),
});

export const sheetSummarySchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  fiscalYear: z.number().int(),
  departmentName: z.string(),
  organizationName: z.string().nullable(),
  /** The name the sheet goes by in lists: 課/機関 when printed, else the 部. */
  title: z.string(),
  status: z.enum(sheetStatuses),
  goalCount: z.number().int(),
  indicatorCount: z.number().int(),
  evaluations: evaluationCountsSchema,
  /** 作成 / 修正・実績入力 / 評価 / 完了. */
  phase: z.enum(phases),
  /** The deadline the sheet has missed, if any. */
  overdue: z.enum(['plan', 'evaluation']).nullable(),
});
export type SheetSummary = z.infer<typeof sheetSummarySchema>;

export const wardYearSheetsSchema = z.object({
  ward: wardSchema,
  fiscalYear: z.number().int(),
  sheets: z.array(sheetSummarySchema),
  deadlines: deadlinesSchema,
  /** 作成日・修正日・評価日 set for the year by the 企画担当 (null: not set). */
  dates: sheetDatesSchema,
  /** The dates the year's sheets get when their phase completes: `dates`, else the nominal ones. */
  officialDates: sheetDatesSchema,
  /** The municipality's nominal dates placed in this fiscal year. */
  nominalDates: sheetDatesSchema,
  totals: z.object({
    goals: z.number().int(),
    indicators: z.number().int(),
    evaluations: evaluationCountsSchema,
  }),
  /** The licence the municipality publishes its sheets and their files under. */
  licence: licenceSchema,
});
export type WardYearSheets = z.infer<typeof wardYearSheetsSchema>;

const revisionViewSchema = z.object({
  from: valueCellSchema.omit({ breakdown: true }),
  to: valueCellSchema.omit({ breakdown: true }),
  revisedOn: z.string(),
  reason: z.string(),
});

export const sheetIndicatorSchema = z.object({
  placementId: z.uuid(),
  indicatorId: z.uuid(),
  name: z.string(),
  unit: z.string().nullable(),
  direction: z.enum(directions),
  /** Results of the three previous fiscal years, oldest first. */
  actuals: z.array(valueCellSchema.extend({ fiscalYear: z.number().int() })),
  target: valueCellSchema,
  result: valueCellSchema,
  note: z.string().nullable(),
  achievement: z.string().nullable(),
  evaluation: z.enum(evaluations).nullable(),
  /** Why the 評価 differs from the rule's suggestion, as the person wrote it. */
  evaluationReason: z.string().nullable(),
  milestoneDone: z.boolean().nullable(),
  /** What the municipality's rule suggests, with its basis; null when it cannot say. */
  suggestion: z.object({ evaluation: z.enum(evaluations), basis: z.string() }).nullable(),
  revisions: z.array(revisionViewSchema),
  /** Approved corrections (正誤) of this indicator's results shown on the sheet, oldest first. */
  corrections: z.array(correctionNoteSchema).default([]),
});
export type SheetIndicator = z.infer<typeof sheetIndicatorSchema>;

export const sheetGoalSchema = z.object({
  id: z.uuid(),
  no: z.number().int(),
  parentNo: z.number().int().nullable(),
  /** The text of the 部区's goal `parentNo` points to; null without the 部区's sheet. */
  parentGoalText: z.string().nullable(),
  text: z.string(),
  initiatives: z.array(z.string()),
  indicators: z.array(sheetIndicatorSchema),
});
export type SheetGoal = z.infer<typeof sheetGoalSchema>;

export const sheetDetailSchema = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  fiscalYear: z.number().int(),
  municipality: z.string(),
  ward: z.object({ id: z.uuid(), name: z.string() }),
  departmentName: z.string(),
  organizationName: z.string().nullable(),
  title: z.string(),
  phone: z.string().nullable(),
  createdOn: z.string().nullable(),
  revisedOn: z.string().nullable(),
  evaluatedOn: z.string().nullable(),
  purpose: z.string().nullable(),
  approach: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.enum(sheetStatuses),
  version: z.number().int(),
  goals: z.array(sheetGoalSchema),
});
export type SheetDetail = z.infer<typeof sheetDetailSchema>;

/** The body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});
