import { evaluations } from '../domain/evaluation';
import { sheetStatuses } from '../domain/sheet-status';
import { municipalityName, plainText, wardName } from './text';
import { fiscalYearParam } from './ward-year';
import { z } from './zod';

/** Where on a sheet a match is, in the sheet's order. */
export const searchFields = [
  'purpose',
  'goal',
  'initiatives',
  'indicator',
  'note',
  'achievement',
  'approach',
  'outcome',
] as const;
export type SearchField = (typeof searchFields)[number];

/** GET /api/v1/search: words, and what narrows them. */
export const searchQuery = z.object({
  q: plainText(200).refine((q) => q.trim() !== '', '検索する言葉を入力してください'),
  fiscalYear: fiscalYearParam.optional(),
  ward: wardName.optional(),
  municipality: municipalityName,
  /** The organization as the sheet names it (課・出張所・機関). */
  organization: plainText(200).optional(),
  evaluation: z.enum(evaluations, '評価は 達成・一部未達成・未達成 のいずれかを指定してください').optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,3}$/, 'ページは 1 以上の数で指定してください')
    .transform(Number)
    .optional(),
});
export type SearchQuery = z.infer<typeof searchQuery>;

const searchHitSchema = z.object({
  sheetId: z.uuid(),
  fiscalYear: z.number().int(),
  municipality: z.string(),
  ward: z.string(),
  /** The sheet's name (組織名). */
  title: z.string(),
  status: z.enum(sheetStatuses),
  field: z.enum(searchFields),
  /** 組織目標 1 › 補足・参考指標 (指標「…」): where the words are, in words. */
  place: z.string(),
  /** The id of that place on the sheet's page (`at-goal-0-indicator-1`). */
  anchor: z.string(),
  /** The 評価 of the indicator the match is in, when it is in one. */
  evaluation: z.enum(evaluations).nullable(),
  /** The text around the match, with the matches marked. */
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchAnswerSchema = z.object({
  terms: z.array(z.string()),
  /** Matches in all, over every page. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  hits: z.array(searchHitSchema),
  /** What the matches cover (newest year first), for the filters' choices. */
  facets: z.object({
    fiscalYears: z.array(z.number().int()),
    wards: z.array(z.string()),
    organizations: z.array(z.string()),
  }),
});
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;
