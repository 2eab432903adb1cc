import { nameText } from './text';
import { z } from './zod';

export const reorganizationKinds = ['rename', 'merge', 'split'] as const;

/** POST /api/v1/reorganizations (企画担当・管理者): 組織の改編 from a fiscal year. */
export const reorganizeSchema = z.strictObject({
  kind: z.enum(reorganizationKinds, '改編の種類は rename・merge・split のいずれかを指定してください'),
  predecessorIds: z.array(z.uuid('組織の ID が正しくありません')).min(1, '改編前の組織を指定してください'),
  successorNames: z
    .array(nameText(200, '組織名を入力してください'))
    .min(1, '改編後の組織名を指定してください'),
  fromFiscalYear: z.number('年度を数値で指定してください').int().min(1989).max(2100),
  /** For a split: which successor (by index) continues each indicator series. */
  assignments: z.record(z.uuid(), z.number().int().min(0)).optional(),
});
export type Reorganize = z.infer<typeof reorganizeSchema>;

/** The answer (201): the new organizations, in the order of `successorNames`. */
export const reorganizedSchema = z.object({ successorIds: z.array(z.uuid()) });
export type Reorganized = z.infer<typeof reorganizedSchema>;
