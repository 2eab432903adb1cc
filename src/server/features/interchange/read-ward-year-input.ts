import { cleanJson } from '../../../imports/json/parse-json';
import { type WardYearFile, wardYearFileSchema } from '../../../schemas/interchange';
import { type FieldIssue, issuesFromZod } from '../../../schemas/issues';
import { findUnacceptableJson } from '../../../schemas/json-value';
import { unknownFields } from '../../../schemas/unknown-fields';
import { AppError } from '../../app-error';
import { checkWardYearFile } from './check-ward-year-file';

export interface WardYearInput {
  file: WardYearFile;
  /** What was ignored, each by its path: fields the format does not define, prototype keys. */
  warnings: FieldIssue[];
}

/**
 * Parsed data (from JSON, a workbook or a caller) as a ward year's file: fields the format does
 * not know are ignored and listed; anything wrong is an `invalid` error listing every bad field
 * by its path, and nothing is written.
 */
export function readWardYearInput(input: unknown): WardYearInput {
  // Before anything walks it recursively: no nesting may exhaust the stack.
  const tooDeep = findUnacceptableJson(input, { characters: false });
  if (tooDeep)
    throw new AppError('invalid', 'ファイルの入れ子が深すぎます。交換形式のファイルを選んでください。', [
      tooDeep,
    ]);
  const cleaned = cleanJson(input);
  const parsed = wardYearFileSchema.safeParse(cleaned.value);
  const reported = new Set(cleaned.issues.map((issue) => issue.path));
  const issues: FieldIssue[] = [
    ...cleaned.issues,
    ...(parsed.success ? checkWardYearFile(parsed.data) : issuesFromZod(parsed.error)).filter(
      (issue) => !reported.has(issue.path),
    ),
  ];
  if (!parsed.success || issues.length > 0) {
    throw new AppError(
      'invalid',
      `取り込むデータに誤りが${issues.length}件あります。何も書き込んでいません。誤りを直してからもう一度取り込んでください。`,
      issues,
    );
  }
  const warnings: FieldIssue[] = [
    ...cleaned.dropped.map((path) => ({
      path,
      message: 'この名前（__proto__・constructor・prototype）の項目は使えないため無視しました',
    })),
    ...unknownFields(wardYearFileSchema, cleaned.value).map((path) => ({
      path,
      message: '交換形式にない項目のため無視しました',
    })),
  ];
  return { file: parsed.data, warnings };
}
