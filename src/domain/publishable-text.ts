/**
 * 機種依存文字: characters this system stores and prints as written (page, PDF, CSV, Excel) but
 * that screen readers and other systems (Shift_JIS, older fonts) may read or show differently.
 * A hint for the planning office's consistency report (点検表), never a reason to refuse text.
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

/** Each distinct 機種依存文字 of `text`, with what it is. */
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
