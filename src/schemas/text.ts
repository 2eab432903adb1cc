import { z } from './zod';

const tagPattern = /<\s*\/?\s*[a-zA-Z!?][^>]*>/;
// Control characters other than tab and line breaks never belong in a sheet.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them
const controlPattern = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Free text as people write it on a sheet: kept exactly (line breaks included), but never
 * markup — a tag is refused with a message rather than stored and escaped later by every
 * output (web, PDF, Excel, CSV).
 */
export function plainText(max: number) {
  return z
    .string()
    .max(max, `${max.toLocaleString('ja-JP')}文字以内で入力してください`)
    .refine(
      (s) => !tagPattern.test(s),
      'HTML のタグ（<…>）は使えません。記号として書く場合は全角の＜＞を使ってください',
    )
    .refine((s) => !controlPattern.test(s), '使えない制御文字が含まれています');
}
