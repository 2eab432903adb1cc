import { consistencyKindLabels, consistencyKinds } from '../../../domain/consistency-kinds';
import type { ConsistencyItem } from '../../lib/api-ward-year';

export const groupings = ['kind', 'sheet'] as const;
export type Grouping = (typeof groupings)[number];

export type FindingGroup = { key: string; heading: string; items: ConsistencyItem[] };

/** The Japanese name of a kind of finding; one this app does not know yet is shown as sent. */
export function kindLabel(kind: string): string {
  const known = consistencyKinds.find((k) => k === kind);
  return known ? consistencyKindLabels[known] : kind;
}

/**
 * The findings by kind (in the report's order of kinds) or by sheet (in the order the sheets
 * come, which is the 部区's order of organizations).
 */
export function groupFindings(items: ConsistencyItem[], by: Grouping): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  const keyOf = (item: ConsistencyItem) => (by === 'kind' ? item.kind : item.sheetId);
  const ordered = by === 'kind' ? [...items].sort((a, b) => rank(a.kind) - rank(b.kind)) : items;
  for (const item of ordered) {
    const key = keyOf(item);
    const group = groups.get(key) ?? {
      key,
      heading: by === 'kind' ? kindLabel(item.kind) : item.sheetTitle,
      items: [],
    };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function rank(kind: string): number {
  const index = (consistencyKinds as readonly string[]).indexOf(kind);
  return index === -1 ? consistencyKinds.length : index;
}
