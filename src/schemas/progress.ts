import { phases } from '../domain/deadlines';
import { boardSortKeys, evaluationTallies } from '../domain/progress-board';
import { evaluationCountsSchema, sheetSummarySchema } from './sheet';
import { municipalityName, plainText, wardName } from './text';
import { fiscalYearParam } from './ward-year';
import { whoWhen } from './who-when';
import { z } from './zod';

/**
 * 進捗管理表: GET /api/v1/progress (the board as JSON) and GET /api/v1/progress/csv (the same rows,
 * filtered and sorted as asked, as CSV). Without `ward`, the whole municipality (管理者・閲覧者).
 */
export const progressQuery = z.object({
  fiscalYear: fiscalYearParam,
  ward: wardName.optional(),
  municipality: municipalityName,
  phase: z.enum(phases, '段階は plan・revision・evaluation・done のいずれかを指定してください').optional(),
  overdue: z
    .enum(['true', 'false'], 'overdue は true か false を指定してください')
    .transform((v) => v === 'true')
    .optional(),
  evaluation: z
    .enum(evaluationTallies, '評価は「達成」「一部未達成」「未達成」「未評価」のいずれかを指定してください')
    .optional(),
  words: plainText(200).optional(),
  sort: z
    .enum(boardSortKeys, `並べ替えは ${boardSortKeys.join('・')} のいずれかを指定してください`)
    .optional(),
  descending: z
    .enum(['true', 'false'], 'descending は true か false を指定してください')
    .transform((v) => v === 'true')
    .optional(),
});

const progressRowSchema = sheetSummarySchema.extend({
  /** The version read: what a 一括操作 on the sheet is checked against. */
  version: z.number().int(),
  /** The 部区 the sheet belongs to. */
  ward: z.string(),
  /** 担当者: the display names of those granted the role on the organization. */
  responsible: z.array(z.string()),
  /** 所属長 of the organization. */
  heads: z.array(z.string()),
  /** The last entry of the sheet's history: who, when and what. */
  lastChange: whoWhen.extend({ what: z.string() }).nullable(),
  /** The deadline of the phase the sheet is in (null once done, or when none is set). */
  deadline: z.iso.date().nullable(),
  /** The latest 差戻し while the sheet is still back with its organization. */
  returned: whoWhen.extend({ comment: z.string().nullable() }).nullable(),
  /** コメント not yet resolved on the sheet. */
  openComments: z.number().int(),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

/** Sheets and evaluations counted by phase, past a deadline, by evaluation. */
export const boardTotalsSchema = z.object({
  sheets: z.number().int(),
  overdue: z.number().int(),
  phases: z.object({
    plan: z.number().int(),
    revision: z.number().int(),
    evaluation: z.number().int(),
    done: z.number().int(),
  }),
  evaluations: evaluationCountsSchema,
});

export const progressBoardSchema = z.object({
  municipality: z.string(),
  /** null: every 部区 of the municipality. */
  ward: z.string().nullable(),
  fiscalYear: z.number().int(),
  /** Today in Japan, as overdue was decided. */
  today: z.iso.date(),
  rows: z.array(progressRowSchema),
  totals: boardTotalsSchema,
});
export type ProgressBoard = z.infer<typeof progressBoardSchema>;
