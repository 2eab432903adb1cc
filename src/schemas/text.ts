import { z } from './zod';

/**
 * The one rule for text people write (every free-text field of every payload): it is stored
 * exactly as written — markup, SQL, entities, template syntax included — and every output
 * escapes it (React, pdfmake's plain strings, exceljs string cells, the CSV formula guard).
 *
 * Refused, with the field's path:
 * - control characters (Unicode Cc: U+0000–U+001F, U+007F–U+009F) other than tab and line feed:
 *   they are invisible, PostgreSQL cannot store U+0000, and they are never meant;
 * - lone UTF-16 surrogates: they are not characters, and every encoder (PostgreSQL's, the PDF's,
 *   the browser's) silently turns them into U+FFFD.
 *
 * Line breaks: CRLF (Windows pastes, files written on Windows) and a lone CR (old Macs) become
 * LF. A browser's text box and an Excel cell already give LF, so the same words typed, pasted
 * or imported are the same stored text: no invisible difference in the history or an import's
 * preview, and the stored text is the text every output prints.
 */

export type UnusableCharacter = {
  kind: 'control' | 'surrogate';
  /** 'U+0000' */
  code: string;
  /** 1-based, counted in characters (code points) as a person counts them. */
  position: number;
};

const allowedControls = new Set([0x09, 0x0a]);

/** Any control character but tab and line feed, or a lone surrogate: most text has none. */
const unusable = /[^\P{Cc}\t\n]|\p{Cs}/u;

/** The first character of `text` no field may hold, or null. */
export function findUnusableCharacter(text: string): UnusableCharacter | null {
  if (!unusable.test(text)) return null;
  let position = 0;
  for (const char of text) {
    position += 1;
    const cp = char.codePointAt(0) ?? 0;
    const control = (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) && !allowedControls.has(cp);
    // Iterating a string yields a lone surrogate as a one-unit "character".
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    if (control || surrogate) {
      const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      return { kind: control ? 'control' : 'surrogate', code, position };
    }
  }
  return null;
}

/** The Japanese message for an unusable character. */
export function unusableCharacterMessage(found: UnusableCharacter): string {
  const where = `（${found.position.toLocaleString('ja-JP')}文字目）`;
  return found.kind === 'control'
    ? `使えない制御文字（${found.code}）が含まれています${where}`
    : `文字として読めない符号（対になっていないサロゲート ${found.code}）が含まれています${where}`;
}

/** Every line break as '\n'. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function withCharacterRule(schema: z.ZodString): z.ZodString {
  return schema.overwrite(normalizeLineBreaks).check((ctx) => {
    const found = findUnusableCharacter(ctx.value);
    if (found)
      ctx.issues.push({ code: 'custom', message: unusableCharacterMessage(found), input: ctx.value });
  });
}

const maxMessage = (max: number) => `${max.toLocaleString('ja-JP')}文字以内で入力してください`;

/**
 * Free text as people write it on a sheet (goals, initiatives, narratives, notes, values,
 * 評価の理由): kept exactly as written, leading and trailing spaces included (a paragraph may
 * start with a full-width space). Workflow comments and revision reasons add `.trim()`, so
 * that a comment of spaces is no comment.
 */
export function plainText(max: number) {
  return withCharacterRule(z.string()).max(max, maxMessage(max));
}

/** Free text that must say something: refused when empty or only spaces, but stored as written. */
export function requiredText(max: number, message = '入力してください') {
  return plainText(max).refine((s) => s.trim() !== '', message);
}

/**
 * A name things are found or matched by (部区, 組織, 指標の項目, a user's display name):
 * surrounding spaces are dropped, since 「指標 」 and 「指標」 must be the same series.
 */
export function nameText(max: number, message = '入力してください', typeMessage?: string) {
  return withCharacterRule(z.string(typeMessage)).trim().min(1, message).max(max, maxMessage(max));
}

/** 部区 as a request names it (`?ward=北区`, `{ ward }`). */
export const wardName = nameText(200, '部区を指定してください', '部区を指定してください');
/** 自治体 as a request names it, when it does. */
export const municipalityName = nameText(200).optional();

/**
 * The first character no stored value of any kind may hold — U+0000 (PostgreSQL cannot store
 * it) or a lone surrogate (not a character) — or null. Checked on every string a request
 * brings, passwords and ids included; text fields apply the whole rule above.
 */
export function findUnstorableCharacter(text: string): UnusableCharacter | null {
  // The common case, a clean string, without walking it character by character.
  if (!text.includes('\u0000') && !/[\uD800-\uDFFF]/.test(text)) return null;
  let position = 0;
  for (const char of text) {
    position += 1;
    const cp = char.codePointAt(0) ?? 0;
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    if (cp === 0) return { kind: 'control', code, position };
    if (cp >= 0xd800 && cp <= 0xdfff) return { kind: 'surrogate', code, position };
  }
  return null;
}
