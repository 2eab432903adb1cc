import type { Plugin } from 'vite';

/**
 * The characters pages draw with the web font: ASCII and Latin-1, general punctuation, letter-like
 * symbols, number forms (Ⅰ), enclosed numbers (①), kana and CJK punctuation, enclosed and
 * compatibility CJK (㈱ ㍻ ㎡), full- and half-width forms, and every character of JIS X 0208 with
 * the NEC and IBM extensions Japanese offices type (rows 1–94 as EUC-JP decodes them: level 1 and
 * level 2 kanji, Greek, Cyrillic, box drawing). Anything else — a rare kanji in a sheet — is drawn
 * by the next font of the stack (the system's Japanese font): no download, never a missing glyph.
 */
export function pageCharacters(): Set<number> {
  const characters = new Set<number>();
  const ranges: Array<[number, number]> = [
    [0x20, 0x7e],
    [0xa0, 0xff],
    [0x2000, 0x206f],
    [0x2100, 0x218f],
    [0x2190, 0x21ff],
    [0x2460, 0x24ff],
    [0x2500, 0x25ff],
    [0x3000, 0x30ff],
    [0x3200, 0x33ff],
    [0xff00, 0xffef],
  ];
  for (const [first, last] of ranges) for (let code = first; code <= last; code++) characters.add(code);
  const eucJp = new TextDecoder('euc-jp');
  for (let row = 0xa1; row <= 0xfe; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const text = eucJp.decode(Uint8Array.of(row, cell));
      const code = text.codePointAt(0);
      if (code !== undefined && text !== '\ufffd') characters.add(code);
    }
  }
  return characters;
}

const fontFace = /(?:\/\*[^*]*\*\/\s*)?@font-face\s*\{([^}]*)\}/g;

/**
 * Rewrites a Fontsource stylesheet (one `@font-face` per unicode-range slice, woff2 and woff) to
 * the slices that hold a character of `keep`, each limited to those characters, woff2 only (every
 * browser the app supports reads it). Fewer and shorter rules; a page still downloads only the
 * slices its text needs.
 */
export function subsetFontFaces(css: string, keep: Set<number>): string {
  return css.replace(fontFace, (_rule, body: string) => {
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    const woff2 = /url\(([^)]+\.woff2)\)\s*format\(['"]woff2['"]\)/.exec(body)?.[1];
    if (!range || !woff2) return '';
    const kept = codePointsOf(range).filter((code) => keep.has(code));
    if (kept.length === 0) return '';
    const rest = body
      .replace(/\s*src:[^;]+;/, '')
      .replace(/\s*unicode-range:[^;]+;/, '')
      .trim();
    return `@font-face{${rest}src:url(${woff2}) format('woff2');unicode-range:${rangesOf(kept)};}`;
  });
}

function codePointsOf(unicodeRange: string): number[] {
  const codes: number[] = [];
  for (const part of unicodeRange.split(',')) {
    const [first, last = first] = part.trim().replace(/^U\+/i, '').split('-');
    const from = Number.parseInt(first ?? '', 16);
    const to = Number.parseInt(last ?? '', 16);
    for (let code = from; code <= to; code++) codes.push(code);
  }
  return codes;
}

function rangesOf(codes: number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0] ?? 0;
  let previous = start;
  for (const code of [...sorted.slice(1), Number.NaN]) {
    if (code === previous + 1) {
      previous = code;
      continue;
    }
    const hex = (value: number) => value.toString(16);
    parts.push(start === previous ? `U+${hex(start)}` : `U+${hex(start)}-${hex(previous)}`);
    start = code;
    previous = code;
  }
  return parts.join(',');
}

/** Applies `subsetFontFaces` to the app's web font stylesheets (`@fontsource/biz-udpgothic`). */
export function webFonts(): Plugin {
  const keep = pageCharacters();
  return {
    name: 'mokuhyo:web-fonts',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/]biz-udpgothic[\\/][^?]*\.css(?:\?|$)/.test(id)) return null;
      return { code: subsetFontFaces(code, keep), map: null };
    },
  };
}
