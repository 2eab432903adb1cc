import { importActions, importFormats } from '../domain/import-preview';
import { sheetStatuses } from '../domain/sheet-status';
import { plainText } from './text';
import { z } from './zod';

/**
 * 取り込みの確認 and 取り込み: the two steps of every import (page, API, command line). The
 * preview says what would happen and carries a token; the confirmation resends the file with
 * that token (and a reason when a final sheet is replaced).
 */

const issueSchema = z.object({ path: z.string(), message: z.string() });
const changeSchema = z.object({
  path: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

const sheetOutcomeSchema = z.object({
  /** Its place in the file (`sheets[2]`). */
  index: z.number().int(),
  title: z.string(),
  department: z.string(),
  organization: z.string().nullable(),
  action: z.enum(importActions),
  /** The sheet replaced or left unchanged; for a new one, its id once written (null in a preview). */
  sheetId: z.uuid().nullable(),
  /** The state before the import; null for a new sheet. */
  currentStatus: z.enum(sheetStatuses).nullable(),
  status: z.enum(sheetStatuses),
  /** Replacing it needs a reason (it is 評価確定 or 公開). */
  needsReason: z.boolean(),
  changes: z.array(changeSchema),
});
export type SheetOutcome = z.infer<typeof sheetOutcomeSchema>;

const mismatchSchema = z.object({
  field: z.enum(['municipality', 'ward', 'fiscalYear']),
  expected: z.string(),
  actual: z.string(),
  message: z.string(),
});

const importFacts = {
  municipality: z.string(),
  ward: z.string(),
  fiscalYear: z.number().int(),
  format: z.enum(importFormats),
  fileName: z.string().nullable(),
  /** The 部区 (or the municipality) is not registered yet: the import creates it. */
  newWard: z.boolean(),
  sheetOutcomes: z.array(sheetOutcomeSchema),
  created: z.number().int(),
  replaced: z.number().int(),
  unchanged: z.number().int(),
  goals: z.number().int(),
  indicators: z.number().int(),
  /** Fields the format does not define: ignored, each by its path. */
  warnings: z.array(issueSchema),
};

export const importPreviewSchema = z.object({
  ...importFacts,
  /** The year, 部区 or municipality differs from what the caller expected. */
  mismatch: z.boolean(),
  mismatches: z.array(mismatchSchema),
  needsReason: z.boolean(),
  /** Send it back with the same file to confirm; a different token means something changed (409). */
  previewToken: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importResultSchema = z.object({
  ...importFacts,
  /** The numbers of earlier versions: sheets in the file, written new, written over. */
  sheets: z.number().int(),
  createdSheets: z.number().int(),
  updatedSheets: z.number().int(),
  unchangedSheets: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());

/** The query of `POST …/import/preview`: what the caller expects the file to be for. */
export const importPreviewQuery = z.object({
  expectedFiscalYear: z.coerce
    .number('年度を数値で指定してください')
    .int('整数で指定してください')
    .min(1989)
    .max(2100)
    .optional(),
  expectedWard: optionalText,
  expectedMunicipality: optionalText,
  fileName: z.string().max(255, '255文字以内で指定してください').optional(),
  via: z.enum(['browser', 'api']).optional(),
});

const importReasonSchema = plainText(1_000).trim().min(1, '理由を入力してください');

/** The query of `POST …/import`: the preview's token and, when a final sheet is replaced, the reason. */
export const importConfirmQuery = importPreviewQuery.extend({
  previewToken: z
    .string('取り込みの確認（preview）で受け取った previewToken を指定してください')
    .regex(/^[0-9a-f]{64}$/, 'previewToken の形式が正しくありません'),
  reason: z.preprocess((v) => (v === '' ? undefined : v), importReasonSchema.optional()),
});
