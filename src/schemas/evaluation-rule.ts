import { z } from './zod';

/** A municipality's evaluation rule (GET/PUT /api/v1/evaluation-rule), ratios as fractions (1 = 100%). */
export const evaluationRuleSchema = z
  .strictObject({
    achieved: z
      .number('数値で指定してください')
      .min(0.01, '0より大きい値にしてください')
      .max(10, '1000％以下にしてください'),
    partly: z
      .number('数値で指定してください')
      .min(0, '0以上にしてください')
      .max(10, '1000％以下にしてください'),
  })
  .refine((r) => r.partly <= r.achieved, {
    message: '一部未達成の基準は達成の基準以下にしてください',
    path: ['partly'],
  });
