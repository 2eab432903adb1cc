import { directions, evaluations } from '../domain/evaluation';
import { sheetStatuses } from '../domain/sheet-status';
import { nameText, plainText, requiredText } from './text';
import { z } from './zod';

/**
 * The interchange format: one 部区's sheets of one fiscal year, in the shape of
 * shared/data/niigata-kita-2022.json. Fields may be added (with defaults), never changed, so
 * files written by earlier versions keep importing. Fields the format does not define are
 * dropped on parsing (and listed as warnings by the import: see unknownFields), so files written
 * by later versions or other tools import too.
 */

const longText = plainText(20_000);
const shortText = nameText(200);
const isoDate = z.iso.date('日付は YYYY-MM-DD の形式で入力してください');

const cellSchema = z.object({
  text: plainText(2_000).nullable(),
  value: z.number('数値または null を指定してください').finite('有限の数値を指定してください').nullable(),
});
export type Cell = z.infer<typeof cellSchema>;

const revisionSchema = z.object({
  from: cellSchema,
  to: cellSchema,
  revisedOn: isoDate,
  reason: plainText(2_000).trim().min(1, '修正理由を入力してください'),
});

export const indicatorSchema = z.object({
  name: nameText(500),
  unit: plainText(50).nullable(),
  actuals: z.record(z.string().regex(/^\d{4}$/, '実績の年度は西暦4桁で指定してください'), cellSchema),
  target: cellSchema,
  result: cellSchema,
  note: longText.nullable(),
  achievement: longText.nullable(),
  evaluation: z
    .enum(evaluations, '評価は「達成」「一部未達成」「未達成」のいずれかを指定してください')
    .nullable(),
  direction: z
    .enum(directions, '方向は higher（高いほど良い）か lower（低いほど良い）を指定してください')
    .optional(),
  evaluationReason: plainText(2_000).nullable().optional(),
  milestoneDone: z.boolean('true または false で指定してください').nullable().optional(),
  revisions: z.array(revisionSchema).optional(),
});

const goalSchema = z.object({
  no: z.number().int('整数で指定してください').min(1, '1以上の番号を指定してください').max(99),
  parentNo: z
    .number()
    .int('整数で指定してください')
    .min(1, '1以上の番号を指定してください')
    .max(99)
    .nullable(),
  text: requiredText(20_000, '組織目標を入力してください'),
  initiatives: z.array(plainText(2_000)),
  indicators: z.array(indicatorSchema),
});

const sheetSchema = z.object({
  department: shortText,
  organization: shortText.nullable(),
  phone: plainText(50).nullable(),
  createdOn: isoDate.nullable(),
  revisedOn: isoDate.nullable(),
  evaluatedOn: isoDate.nullable(),
  purpose: longText.nullable(),
  approach: longText.nullable(),
  outcome: longText.nullable(),
  goals: z.array(goalSchema).max(20, '組織目標は20件までです'),
  status: z.enum(sheetStatuses).optional(),
});

export const wardYearFileSchema = z.object({
  municipality: shortText,
  ward: shortText,
  fiscalYear: z.number().int('整数で指定してください').min(1989).max(2100),
  source: plainText(2_000).nullable().optional(),
  sheets: z.array(sheetSchema).min(1, 'シートが1件もありません').max(500),
  uncertain: z.array(plainText(5_000)).optional(),
  /**
   * The licence the file was published under (the municipality's, written by the export). Read
   * as information only: importing a file changes no municipality's licence.
   */
  licence: z.object({ name: shortText, url: plainText(2_000) }).optional(),
});

export type WardYearFile = z.infer<typeof wardYearFileSchema>;
export type SheetFile = z.infer<typeof sheetSchema>;
export type GoalFile = z.infer<typeof goalSchema>;
export type IndicatorFile = z.infer<typeof indicatorSchema>;
