import { type FieldIssue, joinPath } from '../../schemas/issues';
import { findUnusableCharacter, normalizeLineBreaks, unusableCharacterMessage } from '../../schemas/text';
import { AppError } from '../../server/app-error';

/** Keys that could reach an object's prototype if some code ever copied them: never kept. */
const prototypeKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Text as a JSON value, or an `invalid` error saying where (line and column) it stops being JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const at = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    let where = '';
    if (at) {
      const before = text.slice(0, Number(at[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = `（${line}行目 ${column}文字目付近）`;
    }
    const message =
      text.trim() === ''
        ? 'ファイルが空です。交換形式の JSON ファイルを選んでください。'
        : `ファイルを JSON として読めません${where}。交換形式の JSON ファイルを選んでください。`;
    throw new AppError('invalid', message, [{ path: '', message }]);
  }
}

export interface CleanedJson {
  value: unknown;
  /** Keys dropped because they name a prototype (`__proto__`, `constructor`, `prototype`). */
  dropped: string[];
  /** Text that cannot be stored: control characters and lone UTF-16 surrogates (`\u0000`, `\ud800`). */
  issues: FieldIssue[];
}

/**
 * A copy of parsed JSON (or any plain data) without prototype keys, made of fresh plain objects
 * and arrays, with every string checked to be storable text.
 */
export function cleanJson(input: unknown): CleanedJson {
  const dropped: string[] = [];
  const issues: FieldIssue[] = [];
  // The one text rule (src/schemas/text.ts), also for keys and fields the format does not know.
  const checkString = (text: string, path: string) => {
    const found = findUnusableCharacter(normalizeLineBreaks(text));
    if (found) issues.push({ path, message: unusableCharacterMessage(found) });
  };
  const copy = (value: unknown, path: string): unknown => {
    if (typeof value === 'string') {
      checkString(value, path);
      return value;
    }
    if (Array.isArray(value)) return value.map((item, i) => copy(item, joinPath(path, i)));
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const at = joinPath(path, key);
      if (prototypeKeys.has(key)) {
        dropped.push(at);
        continue;
      }
      checkString(key, at);
      out[key] = copy((value as Record<string, unknown>)[key], at);
    }
    return out;
  };
  return { value: copy(input, ''), dropped, issues };
}
