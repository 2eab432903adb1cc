import { sheetStatuses } from '../domain/sheet-status';
import { baseVersion } from './sheet-edit';
import { plainText } from './text';
import { z } from './zod';

/**
 * 一括操作 from the 進捗管理表 (POST /api/v1/jobs/bulk-action): one move applied to each chosen
 * sheet on its own — each done or refused with its reason, each done one in its own history.
 */
export const bulkActions = ['confirmEvaluation', 'publish', 'return', 'remind'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** The button of a bulk action over `n` chosen sheets. */
export const bulkActionButtons: Record<BulkAction, (n: number) => string> = {
  confirmEvaluation: (n) => `選んだ${n}件の評価を確定する`,
  publish: (n) => `選んだ${n}件を公開する`,
  return: (n) => `選んだ${n}件を差し戻す`,
  remind: (n) => `選んだ${n}件を督促する`,
};

/** What a bulk action did, as the page says it: 「7件を公開しました。1件は公開できませんでした」. */
export const bulkActionOutcomes: Record<
  BulkAction,
  { done: (n: number) => string; refused: (n: number) => string }
> = {
  confirmEvaluation: {
    done: (n) => `${n}件の評価を確定しました。`,
    refused: (n) => `${n}件は確定できませんでした`,
  },
  publish: { done: (n) => `${n}件を公開しました。`, refused: (n) => `${n}件は公開できませんでした` },
  return: { done: (n) => `${n}件を差し戻しました。`, refused: (n) => `${n}件は差し戻せませんでした` },
  remind: { done: (n) => `${n}件に督促しました。`, refused: (n) => `${n}件は督促できませんでした` },
};

export const bulkActionLabels: Record<BulkAction, string> = {
  confirmEvaluation: '評価の確定',
  publish: '公開',
  return: '差戻し',
  remind: '督促',
};

export const bulkActionSchema = z
  .strictObject({
    action: z.enum(
      bulkActions,
      `操作は ${bulkActions.map((a) => `${a}（${bulkActionLabels[a]}）`).join('・')} のいずれかを指定してください`,
    ),
    sheets: z
      .array(
        z.strictObject({ id: z.uuid('シートの ID が正しくありません'), version: baseVersion }),
        'シートを選んでください',
      )
      .min(1, 'シートを1件以上選んでください')
      .max(1_000, '一度に選べるシートは1,000件までです'),
    /** 差戻しの理由 (required), or the 督促's message: one comment for every sheet. */
    comment: plainText(2_000).trim().optional(),
  })
  .superRefine((body, ctx) => {
    if (body.action === 'return' && !body.comment) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '差戻しの理由を入力してください' });
    }
    const seen = new Set<string>();
    for (const [index, sheet] of body.sheets.entries()) {
      if (seen.has(sheet.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sheets', index, 'id'],
          message: '同じシートが2回選ばれています',
        });
      }
      seen.add(sheet.id);
    }
  });
export type BulkActionRequest = z.infer<typeof bulkActionSchema>;

export const bulkResultSchema = z.object({
  action: z.enum(bulkActions),
  done: z.number().int(),
  refused: z.number().int(),
  sheets: z.array(
    z.object({
      sheetId: z.uuid(),
      /** The sheet's name in lists; 「（不明なシート）」 for an id that names none. */
      title: z.string(),
      outcome: z.enum(['done', 'refused']),
      /** The state after the move (done), or as it stands (refused). */
      status: z.enum(sheetStatuses).nullable(),
      /** Why it was refused, in the words the single action would have said. */
      reason: z.string().nullable(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;
