import { correctionStatuses } from '../domain/result-correction';
import { plainText } from './text';
import { z } from './zod';

/** 過年度実績の訂正: the proposal, the decision, and how a correction is shown. */

export const proposeCorrectionSchema = z.strictObject({
  indicatorId: z.uuid('指標の ID が正しくありません'),
  fiscalYear: z.number('年度を指定してください').int('整数で指定してください').min(1989).max(2100),
  to: z.strictObject({ text: plainText(2_000).trim().min(1, '訂正後の実績を入力してください') }),
  reason: plainText(2_000).trim().min(1, '訂正の理由を入力してください'),
});
export type ProposeCorrection = z.infer<typeof proposeCorrectionSchema>;

export const decideCorrectionSchema = z.strictObject({
  decision: z.enum(['approve', 'return'], '承認か差戻しを選んでください'),
  comment: plainText(2_000).trim().optional(),
});
export type DecideCorrection = z.infer<typeof decideCorrectionSchema>;

/** An approved correction as every output shows it: the 正誤 of the year it belongs to. */
export const correctionNoteSchema = z.object({
  fiscalYear: z.number().int(),
  /** 誤 → 正 */
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
  correctedOn: z.string(),
});

/** A correction in the workflow of a sheet: waiting, or returned with the decider's comment. */
export const correctionItemSchema = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  indicatorName: z.string(),
  fiscalYear: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
  status: z.enum(correctionStatuses),
  proposedBy: z.string().nullable(),
  proposedAt: z.string(),
  decisionComment: z.string().nullable(),
  /** Whether the reader may approve or return it (所属長 other than the proposer, 企画担当). */
  mayDecide: z.boolean(),
});
export type CorrectionItem = z.infer<typeof correctionItemSchema>;

/** The results on a sheet the reader may propose to correct, by indicator and year. */
export const correctableSchema = z.array(z.object({ indicatorId: z.uuid(), fiscalYear: z.number().int() }));
