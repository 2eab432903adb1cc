import { type FieldIssue, joinPath } from './issues';
import { findUnstorableCharacter, unusableCharacterMessage } from './text';

/**
 * How deep any JSON a request brings may nest. The deepest real payload, an interchange file,
 * nests about eight levels (sheets → goals → indicators → revisions → …).
 */
export const maxJsonDepth = 64;

interface Visit {
  value: unknown;
  depth: number;
  parent: Visit | null;
  key: string | number | null;
}

function pathOf(visit: Visit): string {
  const keys: (string | number)[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) if (at.key !== null) keys.push(at.key);
  return keys.reverse().reduce<string>((path, key) => joinPath(path, key), '');
}

/**
 * The first thing in parsed JSON (in document order) that no request may carry, as a field
 * issue: nesting deeper than `maxJsonDepth`, or — unless `characters` is false — a key or
 * string holding U+0000 or a lone surrogate. Walks without recursion, so no nesting can
 * exhaust the stack.
 */
export function findUnacceptableJson(value: unknown, { characters = true } = {}): FieldIssue | null {
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: null }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { value: at, depth } = visit;
    if (typeof at === 'string') {
      const found = characters ? findUnstorableCharacter(at) : null;
      if (found) return { path: pathOf(visit), message: unusableCharacterMessage(found) };
      continue;
    }
    if (typeof at !== 'object' || at === null) continue;
    if (depth >= maxJsonDepth) {
      return { path: pathOf(visit), message: `入れ子が深すぎます（${maxJsonDepth}段まで）` };
    }
    const children: Visit[] = [];
    if (Array.isArray(at)) {
      at.forEach((item, i) => {
        children.push({ value: item, depth: depth + 1, parent: visit, key: i });
      });
    } else {
      for (const [key, item] of Object.entries(at)) {
        const child: Visit = { value: item, depth: depth + 1, parent: visit, key };
        const found = characters ? findUnstorableCharacter(key) : null;
        if (found) return { path: pathOf(child), message: `項目名に${unusableCharacterMessage(found)}` };
        children.push(child);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Visit);
  }
  return null;
}
