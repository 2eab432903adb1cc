import { wardYearFileSchema } from './interchange';
import { z } from './zod';

/**
 * The interchange file's JSON Schema (draft 2020-12), generated from the zod schema that reads
 * every imported file, so the two cannot differ. It describes a file as it may be written
 * (`io: 'input'`): fields marked optional may be left out, and fields it does not define are
 * allowed (an import ignores them and lists each as a warning). Rules across fields (one sheet per
 * organization, goal numbers unique, 実績 only for the three previous years, dates in order) and
 * the text rule's unusable characters are checked by the import, not by the schema: see
 * docs/interchange.md.
 */
export function interchangeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(
    wardYearFileSchema.meta({
      title: 'mokuhyo 交換形式（部区・年度の組織目標管理シート）',
      description:
        '一つの部区の一年度分のシート。項目の意味、文字の扱い、取り込みの確認と版の考え方は docs/interchange.md を参照。',
    }),
    { io: 'input' },
  );
}
