import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { parseCell } from '../../domain/cell-value';
import { evaluations } from '../../domain/evaluation';
import { formatSheetDate } from '../../domain/sheet-text';
import type { Cell } from '../../schemas/interchange';
import { parseSheetDate } from './japanese-date';
import { initiativeBullet } from './layout';

/**
 * How each field of a sheet is written into a cell (encode: value → text) and read back
 * (decode: text → value). A field whose value does not come back from its own text — `null`
 * against an empty string, a line break in an initiative, a stored number the text does not
 * parse to — gets an override in the hidden worksheet: the fingerprint of the text written
 * and the value itself. While the cell still holds that text the reader takes the value; once
 * a person changes the cell, the reader takes what they wrote.
 */

export type Decoded<T> = { ok: true; value: T } | { ok: false; message: string };
export type Codec<T> = { encode: (value: T) => string; decode: (text: string) => Decoded<T> };

/** A value kept for a field whose text does not give it back; `was` absent: the field was absent. */
export type Override = { seen: string; was?: unknown };

const ok = <T>(value: T): Decoded<T> => ({ ok: true, value });
const fail = <T>(message: string): Decoded<T> => ({ ok: false, message });

/** Text as a cell holds it: XML keeps no carriage returns, so every line break is '\n'. */
function cellText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** A canonical plain number ('48.2', '-5', not '05' or '5.0') is stored as a number, same display. */
export function storedAs(text: string): string | number {
  // Excel keeps 15 significant digits.
  if (!/^-?\d+(?:\.\d+)?$/.test(text) || text.replace(/\D|^[-0.]+/g, '').length > 15) return text;
  const n = Number(text);
  return String(n) === text ? n : text;
}

/** A short fingerprint of a cell's text, to tell whether a person changed it. */
function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 16);
}

export const optionalText: Codec<string | null> = {
  encode: (value) => cellText(value ?? ''),
  decode: (text) => ok(text.trim() === '' ? null : text.trim()),
};

export const requiredText: Codec<string> = {
  encode: (value) => cellText(value),
  decode: (text) => ok(text.trim()),
};

export const sheetDate: Codec<string | null> = {
  encode: (value) => formatSheetDate(value),
  decode: (text) => {
    if (text.trim() === '') return ok(null);
    const iso = parseSheetDate(text);
    return iso ? ok(iso) : fail('日付は「令和5年3月31日」または「2023/3/31」の形で入力してください');
  },
};

function integer(text: string): number | null {
  const s = text.normalize('NFKC').trim();
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

export const goalNo: Codec<number> = {
  encode: (value) => String(value),
  decode: (text) => {
    const n = integer(text);
    return n === null ? fail('No.（目標の番号）は 1〜99 の数字で入力してください') : ok(n);
  },
};

export const parentNo: Codec<number | null> = {
  encode: (value) => (value === null ? '' : String(value)),
  decode: (text) => {
    if (text.trim() === '') return ok(null);
    const n = integer(text);
    return n === null ? fail('部区の目標番号は数字で入力してください（ない場合は空欄）') : ok(n);
  },
};

/** 主な取組: one initiative a line, each after a bullet. */
export const initiativeLines: Codec<string[]> = {
  encode: (value) => value.map((line) => `${initiativeBullet}${cellText(line)}`).join('\n'),
  decode: (text) =>
    ok(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) =>
          line.startsWith(initiativeBullet) ? line.slice(initiativeBullet.length).trim() : line,
        ),
    ),
};

/** A value cell (実績, 目標, 結果): the text as written and the number it says. */
export const valueCell: Codec<Cell> = {
  encode: (value) => cellText(value.text ?? ''),
  decode: (text) => {
    const parsed = parseCell(text);
    return ok({ text: parsed.text, value: parsed.value });
  },
};

export const evaluation: Codec<(typeof evaluations)[number] | null> = {
  encode: (value) => value ?? '',
  decode: (text) => {
    const s = text.normalize('NFKC').replace(/\s+/g, '');
    if (s === '') return ok(null);
    const found = evaluations.find((word) => word === s);
    return found ? ok(found) : fail('評価は「達成」「一部未達成」「未達成」のいずれかを入力してください');
  },
};

/**
 * The text to write for a field and, when its text does not give the value back, the override
 * to record. `original` undefined: the field is absent from the file.
 */
export function encodeField<T>(
  codec: Codec<T>,
  original: T | undefined,
  blank: T,
): [string, Override | null] {
  const text = codec.encode(original === undefined ? blank : original);
  const back = codec.decode(text);
  if (original !== undefined && back.ok && isDeepStrictEqual(back.value, original)) return [text, null];
  const seen = fingerprint(text);
  return [text, original === undefined ? { seen } : { seen, was: original }];
}

/** A message about a field, starting with its label unless it already names it. */
export function aboutField(label: string, message: string): string {
  return message.startsWith(label) ? message : `${label}：${message}`;
}

/** The value of a field read from its cell's text, honouring an override while the text is unchanged. */
export function decodeField<T>(
  codec: Codec<T>,
  text: string,
  override: Override | undefined,
): Decoded<T | undefined> {
  if (override && fingerprint(text) === override.seen) {
    // The override was written from a value of this field and the file is validated after reading.
    return ok('was' in override ? (override.was as T) : undefined);
  }
  return codec.decode(text);
}
