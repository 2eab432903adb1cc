import { phases } from '../domain/deadlines';
import { sheetStatuses } from '../domain/sheet-status';
import { boardTotalsSchema } from './progress';
import { whoWhen } from './who-when';
import { z } from './zod';

/**
 * GET /api/v1/home: what a signed-in user has to do, by the roles they hold — their own
 * sheets (担当者・所属長), what waits for their decision, and the 部区 they follow (企画担当:
 * their own; 管理者・閲覧者: every 部区 of the municipality).
 */

const sheetPlace = {
  sheetId: z.uuid(),
  /** The name the sheet goes by in lists (課・機関, else 部). */
  title: z.string(),
  ward: z.string(),
  fiscalYear: z.number().int(),
};

const homeSheetSchema = z.object({
  ...sheetPlace,
  status: z.enum(sheetStatuses),
  phase: z.enum(phases),
  /** The deadline of the phase the sheet is in. */
  deadline: z.iso.date().nullable(),
  overdue: z.enum(['plan', 'evaluation']).nullable(),
  /** The latest 差戻し while the sheet is still back with its organization. */
  returned: whoWhen.extend({ comment: z.string().nullable() }).nullable(),
  /** コメント threads not yet resolved. */
  openComments: z.number().int(),
});
export type HomeSheet = z.infer<typeof homeSheetSchema>;

const awaitingKinds = [
  'approve',
  'approveEvaluation',
  'confirmEvaluation',
  'revision',
  'correction',
] as const;
export type AwaitingKind = (typeof awaitingKinds)[number];

const awaitingSchema = z.object({
  kind: z.enum(awaitingKinds),
  ...sheetPlace,
  /** Who asked and when (the submission, the proposal); null when the record does not say. */
  asked: whoWhen.nullable(),
  /** The indicator a revision or correction is about. */
  indicator: z.string().nullable(),
});
export type Awaiting = z.infer<typeof awaitingSchema>;

const wardCardSchema = z.object({
  ward: z.string(),
  municipality: z.string(),
  /** The 部区's latest year with sheets; null when it has none. */
  fiscalYear: z.number().int().nullable(),
  totals: boardTotalsSchema,
  /** Sheets waiting for the 企画担当: 評価確定 and 公開. */
  toConfirm: z.number().int(),
  toPublish: z.number().int(),
});
export type WardCard = z.infer<typeof wardCardSchema>;

export const homeSchema = z.object({
  today: z.iso.date(),
  mySheets: z.array(homeSheetSchema),
  awaiting: z.array(awaitingSchema),
  wards: z.array(wardCardSchema),
});
export type Home = z.infer<typeof homeSchema>;
