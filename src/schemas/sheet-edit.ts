import { directions, evaluations } from '../domain/evaluation';
import { sheetDateFields } from '../domain/sheet-dates';
import type { SheetDocument } from '../domain/sheet-document';
import { transitionRules, transitions } from '../domain/sheet-lifecycle';
import { sheetPermissions } from '../domain/sheet-policy';
import { licenceSchema } from './licence';
import { correctableSchema, correctionItemSchema } from './result-correction';
import { type SheetDetail, sheetDetailSchema } from './sheet';
import { nameText, plainText, requiredText } from './text';
import { z } from './zod';

/** What the editor sends and the server checks: the whole sheet content (see SheetDocument). */

const cellText = z.strictObject({ text: plainText(2_000).nullable() });
const optionalText = (max: number) => plainText(max).nullable();

const indicatorDocumentSchema = z.strictObject({
  indicatorId: z.uuid('指標の ID が正しくありません').nullable(),
  name: nameText(500, '指標の項目を入力してください'),
  unit: optionalText(50),
  direction: z.enum(directions, '「高いほど良い」か「低いほど良い」を選んでください'),
  actuals: z
    .array(
      z.strictObject({ fiscalYear: z.number().int().min(1989).max(2100), text: plainText(2_000).nullable() }),
    )
    .max(3, '実績は3年度分までです'),
  target: cellText,
  result: cellText,
  note: optionalText(5_000),
  achievement: optionalText(5_000),
  evaluation: z.enum(evaluations, '評価は「達成」「一部未達成」「未達成」から選んでください').nullable(),
  evaluationReason: optionalText(2_000).optional(),
  milestoneDone: z.boolean('実施済みかどうかを選んでください').nullable().optional(),
});

const goalDocumentSchema = z.strictObject({
  parentNo: z
    .number('部区の目標番号は数字で指定してください')
    .int('整数で指定してください')
    .min(1, '1以上の番号を指定してください')
    .max(99)
    .nullable(),
  text: requiredText(2_000, '組織目標を入力してください'),
  initiatives: z.array(requiredText(1_000, '空の取組は削除してください')).max(20, '主な取組は20件までです'),
  indicators: z.array(indicatorDocumentSchema).max(10, '一つの目標の指標は10件までです'),
});

export const sheetDocumentSchema = z.strictObject({
  phone: optionalText(50),
  purpose: optionalText(5_000),
  approach: optionalText(10_000),
  outcome: optionalText(10_000),
  goals: z.array(goalDocumentSchema).max(20, '組織目標は20件までです'),
}) satisfies z.ZodType<SheetDocument>;

export const baseVersion = z.number('版（version）を指定してください').int().min(1);

export const saveSheetSchema = z.strictObject({ version: baseVersion, document: sheetDocumentSchema });
export type SaveSheet = z.infer<typeof saveSheetSchema>;

export const transitionSheetSchema = z.strictObject({
  transition: z.enum(
    transitions,
    `操作は ${transitions.map((t) => `${t}（${transitionRules[t].label}）`).join('・')} のいずれかを指定してください`,
  ),
  version: baseVersion,
  comment: plainText(2_000).trim().optional(),
});
export type TransitionSheet = z.infer<typeof transitionSheetSchema>;

export const proposeRevisionSchema = z.strictObject({
  version: baseVersion,
  indicatorId: z.uuid('指標の ID が正しくありません'),
  to: z.strictObject({ text: plainText(2_000).trim().min(1, '修正後の目標を入力してください') }),
  reason: plainText(2_000).trim().min(1, '修正の理由を入力してください'),
});
export type ProposeRevision = z.infer<typeof proposeRevisionSchema>;

export const decideRevisionSchema = z.strictObject({
  version: baseVersion,
  decision: z.enum(['approve', 'return'], '承認か差戻しを選んでください'),
  comment: plainText(2_000).trim().optional(),
});
export type DecideRevision = z.infer<typeof decideRevisionSchema>;

/** A sheet as a signed-in user or the public sees it: the content, what they may do, and workflow. */
export const sheetViewSchema = sheetDetailSchema.extend({
  /** The licence the municipality publishes its sheets under (shown with a published sheet). */
  licence: licenceSchema,
  permissions: z.record(z.enum(sheetPermissions), z.boolean()),
  workflow: z
    .object({
      lastReturn: z.object({ comment: z.string().nullable(), by: z.string(), at: z.string() }).nullable(),
      pendingRevisions: z.array(
        z.object({
          id: z.uuid(),
          indicatorId: z.uuid(),
          indicatorName: z.string(),
          from: z.string().nullable(),
          to: z.string().nullable(),
          reason: z.string(),
          proposedBy: z.string().nullable(),
          proposedById: z.uuid().nullable(),
        }),
      ),
      /** 過年度実績の訂正 of this sheet's results: waiting, or returned and not proposed again. */
      corrections: z.array(correctionItemSchema),
      correctable: correctableSchema,
      /** The dates the 企画担当 set on this sheet itself (the 部区's dates do not change them). */
      datesSetIndividually: z.array(z.enum(sheetDateFields)),
    })
    .nullable(),
});
export type SheetView = z.infer<typeof sheetViewSchema>;

/**
 * The answer to a save of the sheet's content (PUT /sheets/:id) or of its dates
 * (PUT /sheets/:id/dates): how many fields changed and the sheet as it is now.
 */
export const sheetSavedSchema = z.object({ changes: z.number().int().min(0), sheet: sheetViewSchema });
export type SheetSaved = z.infer<typeof sheetSavedSchema>;

/** The answer to a transition or to a decision on a 目標の修正: the sheet as it is now. */
export const sheetMovedSchema = z.object({ sheet: sheetViewSchema });
export type SheetMoved = z.infer<typeof sheetMovedSchema>;

/** The answer to a proposed 目標の修正 (201): its id and the sheet as it is now. */
export const revisionProposedSchema = z.object({
  revision: z.object({ id: z.uuid() }),
  sheet: sheetViewSchema,
});
export type RevisionProposed = z.infer<typeof revisionProposedSchema>;

/** The `details` of a 409 on a stale version: the sheet as someone else left it. */
export const staleSheetDetailsSchema = z.object({ current: sheetDetailSchema });
export type StaleSheetDetails = z.infer<typeof staleSheetDetailsSchema>;

/** The editable document of a sheet as read: the form starts from this. */
export function toSheetDocument(sheet: SheetDetail): SheetDocument {
  return {
    phone: sheet.phone,
    purpose: sheet.purpose,
    approach: sheet.approach,
    outcome: sheet.outcome,
    goals: sheet.goals.map((g) => ({
      parentNo: g.parentNo,
      text: g.text,
      initiatives: g.initiatives,
      indicators: g.indicators.map((i) => ({
        indicatorId: i.indicatorId,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        actuals: i.actuals.map((a) => ({ fiscalYear: a.fiscalYear, text: a.text })),
        target: { text: i.target.text },
        result: { text: i.result.text },
        note: i.note,
        achievement: i.achievement,
        evaluation: i.evaluation,
        evaluationReason: i.evaluationReason,
        milestoneDone: i.milestoneDone,
      })),
    })),
  };
}
