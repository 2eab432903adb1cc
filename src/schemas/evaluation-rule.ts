import { z } from './zod';

export const bands = {
  achieved: z
    .number('数値で指定してください')
    .min(0.01, '0より大きい値にしてください')
    .max(10, '1000％以下にしてください'),
  partly: z
    .number('数値で指定してください')
    .min(0, '0以上にしてください')
    .max(10, '1000％以下にしてください'),
};
export const publishAids = z.boolean('true か false で指定してください');
export const bandOrder = {
  check: (r: { achieved: number; partly: number }) => r.partly <= r.achieved,
  message: { message: '一部未達成の基準は達成の基準以下にしてください', path: ['partly'] },
};

/**
 * A municipality's evaluation rule (GET /api/v1/evaluation-rule and the answer of PUT): ratios
 * as fractions (1 = 100%), and whether the public sees the rule's 目安 and the reasons given for
 * a different 評価 (false, the default: they are internal aids for staff).
 */
export const evaluationRuleSchema = z
  .strictObject({ ...bands, publishAids })
  .refine(bandOrder.check, bandOrder.message);
