/**
 * Characters that do not survive publication (機種依存文字): they render differently or not at
 * all across systems, fonts and encodings (Shift_JIS exports, PDF fonts, screen readers).
 */
const ranges: [from: number, to: number, name: string][] = [
  [0x2160, 0x217f, 'ローマ数字'],
  [0x2460, 0x24ff, '丸数字・丸文字'],
  [0x2776, 0x2793, '丸数字'],
  [0x3200, 0x32ff, '囲み文字（㈱ など）'],
  [0x3300, 0x33ff, '組文字・単位記号（㍻ ㌔ など）'],
  [0xff61, 0xff9f, '半角カタカナ'],
  [0xfe00, 0xfe0f, '異体字セレクタ'],
  [0x2100, 0x214f, '記号（№ ℡ など）'],
  [0x10000, 0x10ffff, '絵文字・拡張文字'],
];

/** Symbols in the letterlike block that every Japanese font and encoding has. */
const allowedLetterlike = new Set(['℃']);

export interface UnsafeCharacter {
  char: string;
  kind: string;
}

/** Each distinct character of `text` that would not survive publication, with what it is. */
export function unsafeCharacters(text: string | null | undefined): UnsafeCharacter[] {
  if (!text) return [];
  const found = new Map<string, string>();
  for (const char of text) {
    if (found.has(char) || allowedLetterlike.has(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    const range = ranges.find(([from, to]) => code >= from && code <= to);
    if (range) found.set(char, range[2]);
  }
  return [...found].map(([char, kind]) => ({ char, kind }));
}
