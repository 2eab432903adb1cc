import { type Deadlines, type Phase, phaseOf, phases } from './deadlines';
import { evaluations } from './evaluation';
import type { SheetStatus } from './sheet-status';

/**
 * 進捗管理表: how far each sheet of a 部区's year (or of the whole municipality) has come. The
 * rules shared by the board's page, its API and its CSV: which deadline a sheet works towards,
 * how rows are filtered and sorted, and the totals.
 */

/** What an indicator's evaluation is counted as on the board: one of the three, or not yet. */
export const evaluationTallies = [...evaluations, '未評価'] as const;
export type EvaluationTally = (typeof evaluationTallies)[number];

/** The deadline a sheet in this state works towards: the one of its phase; none once done. */
export function deadlineAhead(status: SheetStatus, deadlines: Deadlines): string | null {
  const phase = phaseOf(status);
  return phase === 'done' ? null : deadlines[phase];
}

/** What the rules below read of a row (the API's row has more). */
export interface BoardRow {
  ward: string;
  title: string;
  departmentName: string;
  organizationName: string | null;
  phase: Phase;
  overdue: 'plan' | 'evaluation' | null;
  deadline: string | null;
  lastChange: { at: string } | null;
  responsible: readonly string[];
  evaluations: Record<EvaluationTally, number>;
}

export interface BoardFilter {
  phase?: Phase | undefined;
  /** Only the sheets past a deadline. */
  overdue?: boolean | undefined;
  /** Only the sheets with at least one indicator so evaluated. */
  evaluation?: EvaluationTally | undefined;
  /** Words found in the 部区, 部, 課・機関 or the people responsible (every word must be found). */
  words?: string | undefined;
}

/** The orders the board offers; `order` is the booklet's order of the 部区. */
export const boardSortKeys = [
  'order',
  'organization',
  'phase',
  'deadline',
  'lastChange',
  'evaluation',
] as const;
export type BoardSortKey = (typeof boardSortKeys)[number];

export const boardSortLabels: Record<BoardSortKey, string> = {
  order: '冊子の順',
  organization: '組織名',
  phase: '段階',
  deadline: '期限',
  lastChange: '最終更新',
  evaluation: '未達成の数',
};

export interface BoardSort {
  key: BoardSortKey;
  descending?: boolean | undefined;
}

function matchesWords(row: BoardRow, words: string): boolean {
  const haystack = [row.ward, row.departmentName, row.organizationName ?? '', ...row.responsible]
    .join('\n')
    .normalize('NFKC')
    .toLowerCase();
  return words
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function filterBoard<R extends BoardRow>(rows: readonly R[], filter: BoardFilter): R[] {
  return rows.filter(
    (row) =>
      (!filter.phase || row.phase === filter.phase) &&
      (!filter.overdue || row.overdue !== null) &&
      (!filter.evaluation || row.evaluations[filter.evaluation] > 0) &&
      (!filter.words || matchesWords(row, filter.words)),
  );
}

let japaneseOrder: Intl.Collator | undefined;
/** Made on first use, so that a bundle taking only this module's names does not build it. */
const collator = () => {
  japaneseOrder ??= new Intl.Collator('ja');
  return japaneseOrder;
};

/** Compares two rows by one key, ascending; rows without a value (no deadline, no change) go last. */
function compareBy(key: BoardSortKey, a: BoardRow, b: BoardRow): number {
  switch (key) {
    case 'order':
      return 0;
    case 'organization':
      return (
        collator().compare(a.ward, b.ward) ||
        collator().compare(a.departmentName, b.departmentName) ||
        collator().compare(a.organizationName ?? '', b.organizationName ?? '')
      );
    case 'phase':
      return phases.indexOf(a.phase) - phases.indexOf(b.phase);
    case 'deadline':
      return compareText(a.deadline, b.deadline);
    case 'lastChange':
      return compareText(a.lastChange?.at ?? null, b.lastChange?.at ?? null);
    case 'evaluation':
      return (
        a.evaluations.未達成 - b.evaluations.未達成 || a.evaluations.一部未達成 - b.evaluations.一部未達成
      );
  }
}

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The rows in the order asked, ties in the booklet's order (the order given). Descending reverses
 * the key, not the ties, and rows without a value stay last either way.
 */
export function sortBoard<R extends BoardRow>(rows: readonly R[], sort: BoardSort): R[] {
  const sign = sort.descending ? -1 : 1;
  const missing = (row: BoardRow) =>
    (sort.key === 'deadline' && row.deadline === null) ||
    (sort.key === 'lastChange' && row.lastChange === null);
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const gap = Number(missing(a.row)) - Number(missing(b.row));
      return gap || sign * compareBy(sort.key, a.row, b.row) || a.index - b.index;
    })
    .map(({ row }) => row);
}

export interface BoardTotals {
  sheets: number;
  overdue: number;
  phases: Record<Phase, number>;
  evaluations: Record<EvaluationTally, number>;
}

export function boardTotals(
  rows: readonly Pick<BoardRow, 'phase' | 'overdue' | 'evaluations'>[],
): BoardTotals {
  const totals: BoardTotals = {
    sheets: rows.length,
    overdue: 0,
    phases: { plan: 0, revision: 0, evaluation: 0, done: 0 },
    evaluations: { 達成: 0, 一部未達成: 0, 未達成: 0, 未評価: 0 },
  };
  for (const row of rows) {
    totals.phases[row.phase] += 1;
    if (row.overdue) totals.overdue += 1;
    for (const tally of evaluationTallies) totals.evaluations[tally] += row.evaluations[tally];
  }
  return totals;
}
