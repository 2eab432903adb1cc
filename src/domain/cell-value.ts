/**
 * Parsing what people write in a value cell (targets, results, yearly actuals).
 * The text is always kept as written; the number is what can be charted.
 */

export type Breakdown = { label: string; value: number; unit: string | null }[];

export const cellKinds = ['empty', 'none', 'number', 'milestone'] as const;
/**
 * 'empty': nothing written; 'none': a dash meaning "no value"; 'number': a value was found;
 * 'milestone': text without one unambiguous number (南口の工事発注, 中止, two counts in one cell).
 */
export type CellKind = (typeof cellKinds)[number];

export type ParsedCell = {
  text: string | null;
  value: number | null;
  unit: string | null;
  breakdown: Breakdown;
  kind: CellKind;
};

const fullWidthDigitOffset = '０'.charCodeAt(0) - '0'.charCodeAt(0);

/**
 * Full-width digits → ASCII; full-width ．and ，between digits, ％ after a digit, and ＋ － − before a
 * digit → ASCII. Every replacement is one UTF-16 unit for one, so indices stay aligned with the input.
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
const leadingNumber = new RegExp(`^[+-]?${numberSource}`);
const anyNumber = new RegExp(numberSource, 'g');

/** Units recognised even when followed by more text or written after a space. */
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
].sort((a, b) => b.length - a.length);

/** Words that may follow a number or unit without making the value ambiguous. */
const qualifiers = ['以上', '以下', '未満', '程度', '前後', '超'];
/** A run of characters that can form a unit: no digits, spaces, brackets or separators. */
const unitRun = /^[^\d\s()（）［］[\]【】「」『』、。，,・:：/／;；~〜～]*/;
const maxGenericUnitLength = 3;

type UnitRead = { unit: string | null; ok: boolean; length: number };

function canonicalUnit(unit: string): string {
  return unit === '%' ? '％' : unit;
}

/**
 * Reads the unit right after a number. ok is false when the text after the number is too long to be
 * a unit (so the number is part of a sentence); length is how many characters were consumed.
 */
function readUnit(rest: string): UnitRead {
  const run = unitRun.exec(rest)?.[0] ?? '';
  if (run === '') {
    const spaced = /^[ \t\u3000]+/.exec(rest)?.[0];
    if (spaced) {
      const after = readUnit(rest.slice(spaced.length));
      if (after.unit !== null && knownUnits.includes(after.unit) && after.ok) {
        return { ...after, length: spaced.length + after.length };
      }
    }
    return { unit: null, ok: true, length: 0 };
  }
  const known = knownUnits.find((u) => run.startsWith(u));
  if (known) {
    const tail = run.slice(known.length);
    return { unit: canonicalUnit(known), ok: tail === '' || qualifiers.includes(tail), length: run.length };
  }
  if (qualifiers.some((q) => run.startsWith(q))) {
    return { unit: null, ok: qualifiers.includes(run), length: run.length };
  }
  if ([...run].length <= maxGenericUnitLength) return { unit: run, ok: true, length: run.length };
  return { unit: null, ok: false, length: run.length };
}

function toNumber(s: string): number {
  return Number(s.replace(/,/g, ''));
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

type Found = { value: number; unit: string | null };

/** Rule (a): the text starts with a number. */
function readLeadingNumber(body: string): Found | null {
  const match = leadingNumber.exec(body);
  if (!match) return null;
  return { value: toNumber(match[0]), unit: readUnit(body.slice(match[0].length)).unit };
}

/** Rule (b): 'label number[unit]' with exactly one number outside parentheses. */
function readLabelledNumber(body: string): Found | null {
  const outside = maskParentheticals(body);
  const numbers = [...outside.matchAll(anyNumber)];
  const match = numbers[0];
  if (numbers.length !== 1 || !match) return null;
  const before = outside.slice(0, match.index);
  // R4, NP6, .5: the digits belong to a token, not to a count.
  if (/[A-Za-zＡ-Ｚａ-ｚ.]$/.test(before)) return null;
  const signed = /(?:^|[\s:：])([+-])$/.exec(before);
  const sign = signed?.[1] === '-' ? -1 : 1;
  const label = before.slice(0, signed ? -1 : undefined).trim();
  if (label === '') return null;
  const after = outside.slice(match.index + match[0].length);
  const unit = readUnit(after);
  if (!unit.ok || after.slice(unit.length).trim() !== '') return null;
  return { value: sign * toNumber(match[0]), unit: unit.unit };
}

const breakdownItem = new RegExp(
  String.raw`\s*([^:：、，,()（）]+?)\s*[:：]\s*([+-]?${numberSource})([^、，,\s()（）]*)\s*(?:[、，,]|$)`,
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
    const unit = readUnit(match[3] ?? '');
    if (!unit.ok) return null;
    const label = original.slice(innerStart + labelAt[0], innerStart + labelAt[1]);
    items.push({ label, value: toNumber(number), unit: unit.unit });
  }
  return items;
}

function parseBreakdown(original: string, normalized: string): Breakdown {
  return findParentheticals(normalized).flatMap((span) => readBreakdown(original, normalized, span) ?? []);
}

/**
 * Parses a value cell. text keeps the input as written (trimmed; null when blank). The value is the
 * leading number, or the only number of a 'label number[unit]' text; otherwise the cell is a milestone.
 */
export function parseCell(input: string | null | undefined): ParsedCell {
  const text = input?.trim() ?? '';
  if (text === '') return { text: null, value: null, unit: null, breakdown: [], kind: 'empty' };
  if (dashOnly.test(text)) return { text, value: null, unit: null, breakdown: [], kind: 'none' };
  const normalized = normalizeDigits(text);
  const breakdown = parseBreakdown(text, normalized);
  const body = normalized.replace(leadingBullets, '');
  const found = readLeadingNumber(body) ?? readLabelledNumber(body);
  if (!found) return { text, value: null, unit: null, breakdown, kind: 'milestone' };
  return { text, value: found.value, unit: found.unit, breakdown, kind: 'number' };
}

const numberFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 10 });

/** 5630 → '5,630', 48.2 → '48.2', 322750 → '322,750'. */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
