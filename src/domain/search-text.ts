/**
 * 検索 as people type it: a query is split into terms at spaces (half- or full-width), and text
 * and terms are compared after NFKC and lower case — ＡＢＣ = abc, ｶﾀｶﾅ = カタカナ, １５ = 15 — the
 * same folding the database's index applies (`mokuhyo_fold`, migration 0014).
 */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/\s+/u)
        .map((term) => term.trim())
        .filter((term) => term !== ''),
    ),
  ];
}

export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A piece of a snippet: text as written, and whether it is what was searched for. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * One character folded: known without asking for ASCII other than capitals, hiragana, katakana
 * and the CJK unified ideographs (they fold to themselves: most of a Japanese text), remembered
 * for the rest (（）、full-width digits) — a call to `normalize` per character was most of a
 * snippet's time.
 */
const foldedChars = new Map<string, string>();
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (
    (code < 0x80 && (code < 0x41 || code > 0x5a)) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    (code >= 0x4e00 && code <= 0x9fff)
  )
    return char;
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = fold(char);
    if (foldedChars.size < 10_000) foldedChars.set(char, folded);
  }
  return folded;
}

/**
 * The text folded character by character, with where each folded character came from, so a
 * match found in the folded text is marked on the text as written (㈱ folds to three).
 */
function foldedWithOrigins(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const piece = foldChar(char);
    for (let i = 0; i < piece.length; i += 1) origin.push(index);
    folded += piece;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/**
 * The part of `text` around the first match of the terms, about `width` characters, with
 * every match marked; … where it is cut.
 */
export function snippet(text: string, terms: readonly string[], width = 80): SnippetPart[] {
  const { folded, origin } = foldedWithOrigins(text);
  const ranges: [number, number][] = [];
  for (const term of terms.map(fold).filter((t) => t !== '')) {
    let from = folded.indexOf(term);
    while (from !== -1) {
      ranges.push([origin[from] ?? 0, origin[from + term.length] ?? text.length]);
      from = folded.indexOf(term, from + term.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  const first = merged[0]?.[0] ?? 0;
  const start =
    text.length <= width ? 0 : Math.max(0, Math.min(first - Math.floor(width / 3), text.length - width));
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [from, to] of merged) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a > at) parts.push({ text: text.slice(at, a), match: false });
    parts.push({ text: text.slice(a, b), match: true });
    at = b;
  }
  if (at < end) parts.push({ text: text.slice(at, end), match: false });
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
