/**
 * Parsing what people write in a value cell (targets, results, yearly actuals).
 * The text is always kept as written; the number is what can be charted.
 */

export type Breakdown = { label: string; value: number; unit: string | null }[];

const cellKinds = ['empty', 'none', 'number', 'milestone'] as const;
/**
 * 'empty': nothing written; 'none': a dash meaning "no value"; 'number': a value was found;
 * 'milestone': text without one unambiguous number (南口の工事発注, 中止, 11地区で説明会を実施,
 * two counts in one cell).
 */
type CellKind = (typeof cellKinds)[number];

/**
 * The bound a word after the number puts on it: 以上 'atLeast' (≥), 以下・以内 'atMost' (≤),
 * 超・超え 'above' (>), 未満 'below' (<). A target's qualifier decides which side of it is met.
 */
const qualifiers = ['atLeast', 'atMost', 'above', 'below'] as const;
export type Qualifier = (typeof qualifiers)[number];

export const qualifierWords: Record<Qualifier, string> = {
  atLeast: '以上',
  atMost: '以下',
  above: '超',
  below: '未満',
};

export type ParsedCell = {
  text: string | null;
  value: number | null;
  unit: string | null;
  /** 以上 / 以下 / 超 / 未満 written right after the value; null when none. */
  qualifier: Qualifier | null;
  breakdown: Breakdown;
  kind: CellKind;
};

const fullWidthDigitOffset = '０'.charCodeAt(0) - '0'.charCodeAt(0);

/**
 * Full-width digits → ASCII; full-width ．and ，between digits, ％ after a digit, and ＋ － − before a
 * digit → ASCII. Every replacement is one UTF-16 unit for one, so indices stay aligned with the input.
 * △ and ▲ (minus in Japanese official documents) are left as written; the parser reads them as a sign.
 */
export function normalizeDigits(s: string): string {
  return s
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - fullWidthDigitOffset))
    .replace(/(?<=\d)[．，](?=\d)/g, (c) => (c === '．' ? '.' : ','))
    .replace(/(?<=\d)％/g, '%')
    .replace(/[＋－−](?=\d)/g, (c) => (c === '＋' ? '+' : '-'));
}

/** A cell holding only a dash (―, -, －, —, ‐, ー, −, –) means "no value". */
const dashOnly = /^[-―－—‐ー−–]+$/;
const leadingBullets = /^[\s・※•]+/;
const numberSource = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** △5, ▲1,200, △ 5: a triangle right before a number (spaces allowed) is a minus sign. */
const triangleSign = String.raw`[△▲][ \t\u3000]*`;
const signSource = `(?:[+-]|${triangleSign})`;
const leadingNumber = new RegExp(`^${signSource}?${numberSource}`);
const anyNumber = new RegExp(numberSource, 'g');
/** The sign written before a number inside a text: after a space or colon, or a triangle anywhere. */
const signBefore = new RegExp(String.raw`(?:(?:^|[\s:：])([+-])|(${triangleSign}))$`);
const horizontalSpace = /^[ \t\u3000]+/;

/** Units recognised even when followed by a qualifier or written after a space. */
const knownUnits = [
  '人',
  '回',
  '件',
  '円',
  '%',
  '％',
  '地区',
  '時間',
  '日',
  'か所',
  '箇所',
  'ヶ所',
  'カ所',
  '団体',
  '名',
  '校',
  '館',
  '冊',
  '本',
  '点',
  '個',
  '倍',
  '世帯',
  '千円',
  '万円',
  '億円',
  'ポイント',
].sort((a, b) => b.length - a.length);

/**
 * Words that may follow a number or unit without making the value ambiguous, longest first, with
 * the bound each puts on the value (程度, 前後: approximately, no bound).
 */
const boundWords: readonly (readonly [string, Qualifier | null])[] = [
  ['以上', 'atLeast'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['未満', 'below'],
  ['超え', 'above'],
  ['超', 'above'],
  ['程度', null],
  ['前後', null],
];
/** A run of characters that can form a unit: no digits, spaces, brackets or separators. */
const unitRun = /^[^\d\s()（）［］[\]【】「」『』、。，,・:：/／;；~〜～△▲]*/;
const maxGenericUnitLength = 3;

/** What follows a number: unit and qualifier, whether it reads as a value, and its length. */
type Tail = { unit: string | null; qualifier: Qualifier | null; ok: boolean; length: number };

const noTail: Tail = { unit: null, qualifier: null, ok: true, length: 0 };
const notAValue = (length: number): Tail => ({ unit: null, qualifier: null, ok: false, length });

function canonicalUnit(unit: string): string {
  return unit === '%' ? '％' : unit;
}

/** A bound word spelling the whole of `s`, or undefined. */
function boundWord(s: string): readonly [string, Qualifier | null] | undefined {
  return boundWords.find(([word]) => word === s);
}

/** A bound word ending `s` (人以上 → 以上), or undefined. */
function boundSuffix(s: string): readonly [string, Qualifier | null] | undefined {
  return boundWords.find(([word]) => s.endsWith(word));
}

/** A bound word after optional spaces: '　以上' in '50％　以上'. */
function readSpacedBound(rest: string): { qualifier: Qualifier | null; length: number } | null {
  const spaces = horizontalSpace.exec(rest)?.[0] ?? '';
  const run = unitRun.exec(rest.slice(spaces.length))?.[0] ?? '';
  const word = boundWord(run);
  return word ? { qualifier: word[1], length: spaces.length + run.length } : null;
}

/** Katakana or Latin letters only (メートル, アクセス, km): a unit whatever its length. */
const foreignUnit = /^(?:[\u30A0-\u30FF]+|[A-Za-z]+)$/;

/**
 * The unit part of a run (its bound word taken off): a known unit, a katakana or Latin word, or a
 * short run ('か月', '日間' read as 日). After a space only a known unit counts. undefined: the run
 * is not a unit (the number is part of a sentence).
 */
function unitOf(part: string, spaced: boolean): string | null | undefined {
  if (part === '') return null;
  const known = knownUnits.find((u) => part.startsWith(u));
  if (known === part) return canonicalUnit(known);
  if (spaced || boundWords.some(([word]) => part.startsWith(word))) return undefined;
  if (foreignUnit.test(part)) return part;
  if ([...part].length > maxGenericUnitLength) return undefined;
  return known ? canonicalUnit(known) : part;
}

/**
 * Reads the unit and the qualifier right after a number: '人', '％以上', ' 人 以上', 'ha'. ok is false
 * when the text after the number is more than a unit and a bound word (so the number is part of a
 * sentence: 11地区で説明会を実施); length is how many characters were consumed.
 */
function readTail(rest: string, spaced = false): Tail {
  const run = unitRun.exec(rest)?.[0] ?? '';
  if (run === '') {
    const spaces = horizontalSpace.exec(rest)?.[0];
    if (!spaces || spaced) return noTail;
    const after = readTail(rest.slice(spaces.length), true);
    return after.ok && after.length > 0 ? { ...after, length: spaces.length + after.length } : noTail;
  }
  const suffix = boundSuffix(run);
  const unit = unitOf(run.slice(0, run.length - (suffix?.[0].length ?? 0)), spaced);
  if (unit === undefined) return notAValue(run.length);
  if (suffix) return { unit, qualifier: suffix[1], ok: true, length: run.length };
  const bound = readSpacedBound(rest.slice(run.length));
  return bound
    ? { unit, qualifier: bound.qualifier, ok: true, length: run.length + bound.length }
    : { unit, qualifier: null, ok: true, length: run.length };
}

/** '1,200' with its sign ('-', '+', '△', '▲ ') → -1200; never -0. */
function toNumber(s: string): number {
  const negative = /^[-△▲]/.test(s);
  const n = Number(s.replace(/^[+\-△▲][ \t\u3000]*/, '').replace(/,/g, ''));
  return negative && n !== 0 ? -n : n;
}

type Span = { start: number; end: number };

/** Top-level parentheticals （…） or (…): start is the opening bracket, end is after the closing one. */
function findParentheticals(s: string): Span[] {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '（' || c === '(') {
      if (depth === 0) start = i;
      depth++;
    } else if ((c === '）' || c === ')') && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start, end: i + 1 });
    }
  }
  if (depth > 0) spans.push({ start, end: s.length });
  return spans;
}

/** Replaces every parenthetical with spaces, keeping the length. */
function maskParentheticals(s: string): string {
  let masked = s;
  for (const { start, end } of findParentheticals(s)) {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  }
  return masked;
}

type Found = { value: number; unit: string | null; qualifier: Qualifier | null };

/**
 * Rule (a): the text starts with a number, followed only by its unit and bound word, notes in
 * parentheses, and after a space a labelled reference figure (33.83％ (4,581人) 市受診率36.46％).
 * A number that starts a sentence (3年後に完成予定) or a second bare number (10人 20人) is not a value.
 */
function readLeadingNumber(body: string): Found | null {
  const match = leadingNumber.exec(body);
  if (!match) return null;
  const outside = maskParentheticals(body);
  const tail = readTail(outside.slice(match[0].length));
  if (!tail.ok) return null;
  const rest = outside.slice(match[0].length + tail.length);
  if (rest.trim() !== '' && !(/^\s/.test(rest) && readLabelledNumber(rest.trim()))) return null;
  return { value: toNumber(match[0]), unit: tail.unit, qualifier: tail.qualifier };
}

/** Rule (b): 'label number[unit][bound]' with exactly one number outside parentheses. */
function readLabelledNumber(body: string): Found | null {
  const outside = maskParentheticals(body);
  const numbers = [...outside.matchAll(anyNumber)];
  const match = numbers[0];
  if (numbers.length !== 1 || !match) return null;
  const before = outside.slice(0, match.index);
  // R4, NP6, .5: the digits belong to a token, not to a count.
  if (/[A-Za-zＡ-Ｚａ-ｚ.]$/.test(before)) return null;
  const signed = signBefore.exec(before);
  const sign = signed?.[1] ?? signed?.[2];
  const label = before.slice(0, sign ? before.length - sign.length : undefined).trim();
  if (label === '') return null;
  const after = outside.slice(match.index + match[0].length);
  const tail = readTail(after);
  if (!tail.ok || after.slice(tail.length).trim() !== '') return null;
  const value = toNumber(`${sign ?? ''}${match[0]}`);
  return { value, unit: tail.unit, qualifier: tail.qualifier };
}

const breakdownItem = new RegExp(
  String.raw`\s*([^:：、，,()（）]+?)\s*[:：]\s*(${signSource}?${numberSource})([^、，,\s()（）]*)\s*(?:[、，,]|$)`,
  'dy',
);

/**
 * Reads '（label：number[unit]、label：number[unit]）'. Returns null unless every item has that shape.
 * Labels are sliced from the original text (same indices as the normalized one).
 */
function readBreakdown(original: string, normalized: string, span: Span): Breakdown | null {
  const innerStart = span.start + 1;
  const closed = /[)）]/.test(normalized[span.end - 1] ?? '');
  const inner = normalized.slice(innerStart, closed ? span.end - 1 : span.end);
  if (inner.trim() === '') return null;
  const items: Breakdown = [];
  breakdownItem.lastIndex = 0;
  while (breakdownItem.lastIndex < inner.length) {
    const match = breakdownItem.exec(inner);
    const labelAt = match?.indices?.[1];
    const number = match?.[2];
    if (!match || !labelAt || number === undefined) return null;
    const tail = readTail(match[3] ?? '');
    if (!tail.ok) return null;
    const label = original.slice(innerStart + labelAt[0], innerStart + labelAt[1]);
    items.push({ label, value: toNumber(number), unit: tail.unit });
  }
  return items;
}

function parseBreakdown(original: string, normalized: string): Breakdown {
  return findParentheticals(normalized).flatMap((span) => readBreakdown(original, normalized, span) ?? []);
}

/**
 * Parses a value cell. text keeps the input as written (trimmed; null when blank). The value is the
 * leading number, or the only number of a 'label number[unit]' text; otherwise the cell is a milestone.
 * △ or ▲ right before a number is a minus sign; 以上 / 以下 / 超 / 未満 after it are its qualifier.
 */
export function parseCell(input: string | null | undefined): ParsedCell {
  const text = input?.trim() ?? '';
  const blank = { value: null, unit: null, qualifier: null, breakdown: [] };
  if (text === '') return { text: null, ...blank, kind: 'empty' };
  if (dashOnly.test(text)) return { text, ...blank, kind: 'none' };
  const normalized = normalizeDigits(text);
  const breakdown = parseBreakdown(text, normalized);
  const body = normalized.replace(leadingBullets, '');
  const found = readLeadingNumber(body) ?? readLabelledNumber(body);
  if (!found) return { text, ...blank, breakdown, kind: 'milestone' };
  return { text, ...found, breakdown, kind: 'number' };
}

const numberFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 10 });

/** 5630 → '5,630', 48.2 → '48.2', 322750 → '322,750'. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
