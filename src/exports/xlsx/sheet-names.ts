/**
 * Worksheet names: Excel allows at most 31 characters, none of []:*?/\, no apostrophe at either
 * end, and compares names without regard to case. 'History' is reserved.
 */

const maxSheetNameLength = 31;

const forbidden: Record<string, string> = {
  '[': '［',
  ']': '］',
  ':': '：',
  '*': '＊',
  '?': '？',
  '/': '／',
  '\\': '＼',
};

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function cut(s: string, max: number): string {
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** A name Excel accepts, as close to the organization's name as it can be. */
export function safeSheetName(name: string): string {
  const replaced = name
    .replace(/[[\]:*?/\\]/g, (c) => forbidden[c] ?? '＿')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return cut(replaced, maxSheetNameLength) || 'シート';
}

function sameNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase();
}

/**
 * One name per organization, in order, unique among themselves and against `reserved`:
 * a repeated name gets （2）, （3）, … within the 31 characters.
 */
export function uniqueSheetNames(names: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set([...reserved, 'History'].map(sameNameKey));
  return names.map((name) => {
    const base = safeSheetName(name);
    let candidate = base;
    for (let n = 2; taken.has(sameNameKey(candidate)); n++) {
      const suffix = `（${n}）`;
      candidate = `${cut(base, maxSheetNameLength - suffix.length)}${suffix}`;
    }
    taken.add(sameNameKey(candidate));
    return candidate;
  });
}
