import { directionLabels, directions } from '../../../../domain/evaluation';
import { sheetColumnLabels } from '../../../../domain/fiscal-year';
import { type EditablePart, isPartLocked, type SheetPart } from '../../../../domain/sheet-lifecycle';
import { indicatorLabel } from '../../../../domain/sheet-text';
import { fieldId } from '../../../lib/field-id';
import { evaluationOptions, milestoneOptions, needsMilestone } from '../evaluation-guide';
import type { FormDocument, FormIndicator } from '../form-model';
import type { FormAction } from '../form-reducer';

/**
 * The sheet's table as the editor lays it out: every cell with its place (row, column, rows
 * it spans), what it holds, whether it is locked and why, and the change typing into it makes.
 * Arrow keys walk the places; a pasted block is laid over the printed sheet's columns.
 */
export interface GridCell {
  /** The control's id, the edit form's for the same path (links and error summaries find it). */
  id: string;
  /** The document path, which finds its errors. */
  path: string;
  /** Its name for a screen reader: 目標1 指標2 R4目標. */
  label: string;
  /** A grid row is an indicator's row (or the one row of a goal without indicators). */
  row: number;
  rowSpan: number;
  /** The logical column, left to right, for the arrow keys. */
  column: number;
  /** The printed sheet's column it is in (`printedColumns` of grid-paste.ts), or null when a pasted block skips it. */
  printed: number | null;
  value: string;
  kind: 'text' | 'lines' | 'choice';
  options?: readonly { value: string; label: string }[];
  /** Why the cell cannot be changed now, or null. */
  lockedBecause: string | null;
  /** Drawn in the same table cell as the one before it (単位 under 項目, the reason under 評価). */
  joined: boolean;
  /** The cell's value as the printed sheet shows it, when that differs (項目 is printed 項目（単位）). */
  printedText?: string;
  /** The changes writing `text` into the cell makes, or the reason it is refused. */
  write: (text: string) => { actions: FormAction[] } | { error: string };
}

export const lockReasons = {
  actuals:
    '過年度の実績は、その年度の記録から表示しています。誤りはシートの画面の「訂正」から申請してください。',
  plan: '計画の項目は下書きの間だけ変更できます。',
  target: '承認後の目標は、シートの画面の「目標の修正」から理由を添えて変更します。',
  results: '結果と評価は、計画が承認されてから入力します。',
  none: '今の状態では編集できません。',
} as const;

export interface GridOptions {
  form: FormDocument;
  fiscalYear: number;
  parts: ReadonlySet<EditablePart>;
  /** Whether 評価の理由 is shown for an indicator (its 評価 differs from the rule, or it has one). */
  showReason: (indicator: FormIndicator, path: string) => boolean;
}

export interface GridLayout {
  cells: GridCell[];
  /** Rows of the grid, each with the goal and indicator (null: a goal without indicators) it shows. */
  rows: { goal: number; indicator: number | null }[];
}

function lockOf(part: SheetPart, parts: ReadonlySet<EditablePart>, field?: 'target'): string | null {
  if (!isPartLocked(part, parts)) return null;
  if (parts.size === 0) return lockReasons.none;
  if (part === 'results') return lockReasons.results;
  return field === 'target' && parts.has('results') ? lockReasons.target : lockReasons.plan;
}

/** 「来館者数（人）」 → 来館者数 and 人, as the sheet prints 項目（単位）. */
export function splitIndicatorLabel(text: string): { name: string; unit: string } {
  const match = /^([\s\S]*?)[（(]([^（）()]*)[）)]\s*$/.exec(text.trim());
  if (!match || match[1]?.trim() === '') return { name: text.trim(), unit: '' };
  return { name: (match[1] ?? '').trim(), unit: (match[2] ?? '').trim() };
}

const directionOptions = directions.map((d) => ({ value: d, label: directionLabels[d] }));

export function buildGrid({ form, fiscalYear, parts, showReason }: GridOptions): GridLayout {
  const columns = sheetColumnLabels(fiscalYear);
  const cells: GridCell[] = [];
  const rows: GridLayout['rows'] = [];
  const add = (
    cell: Omit<GridCell, 'id' | 'joined' | 'kind' | 'write'> &
      Partial<Pick<GridCell, 'joined' | 'kind'>> & {
        set?: (text: string) => FormAction;
        write?: GridCell['write'];
      },
  ) => {
    const { set, ...rest } = cell;
    const lockedBecause = cell.lockedBecause;
    const write: GridCell['write'] = (text) => {
      if (lockedBecause !== null || set === undefined) return { error: lockedBecause ?? lockReasons.none };
      if (!cell.options) return { actions: [set(text)] };
      // A choice takes one of its options, by the words shown (達成) or an empty cell for 未選択.
      const typed = text.normalize('NFKC').trim();
      const option = cell.options.find(
        (o) => o.label === typed || o.value === typed || (typed === '' && o.value === ''),
      );
      if (!option)
        return {
          error: `${cell.options
            .filter((o) => o.value !== '')
            .map((o) => `「${o.label}」`)
            .join('')}のいずれかを入力してください。`,
        };
      return { actions: [set(option.value)] };
    };
    cells.push({ id: fieldId(cell.path), joined: false, kind: 'text', write, ...rest });
  };

  for (const [g, goal] of form.goals.entries()) {
    const top = rows.length;
    const span = Math.max(1, goal.indicators.length);
    const goalPath = `goals[${g}]`;
    const planLock = lockOf('plan', parts);
    const spanned = { row: top, rowSpan: span, lockedBecause: planLock };
    add({
      ...spanned,
      path: `${goalPath}.parentNo`,
      label: `目標${g + 1} 部区`,
      column: 0,
      printed: 0,
      value: goal.parentNo,
      set: (value) => ({ type: 'goal', goal: g, field: 'parentNo', value }),
    });
    add({
      ...spanned,
      path: `${goalPath}.text`,
      label: `目標${g + 1} 組織目標`,
      column: 1,
      printed: 1,
      value: goal.text,
      kind: 'lines',
      set: (value) => ({ type: 'goal', goal: g, field: 'text', value }),
    });
    add({
      ...spanned,
      path: `${goalPath}.initiatives`,
      label: `目標${g + 1} 主な取組（事業）（1行に1件）`,
      column: 2,
      printed: 2,
      value: goal.initiatives.map((initiative) => initiative.text).join('\n'),
      kind: 'lines',
      set: (value) => ({ type: 'initiativeLines', goal: g, value }),
    });
    if (goal.indicators.length === 0) rows.push({ goal: g, indicator: null });
    for (const [i, indicator] of goal.indicators.entries()) {
      const row = rows.length;
      rows.push({ goal: g, indicator: i });
      const path = `${goalPath}.indicators[${i}]`;
      const name = `目標${g + 1} 指標${i + 1}`;
      const set =
        (field: Exclude<keyof FormIndicator, 'key' | 'indicatorId' | 'actuals'>) =>
        (value: string): FormAction => ({ type: 'indicator', goal: g, index: i, field, value });
      const at = { row, rowSpan: 1 };
      const plan = { ...at, lockedBecause: planLock };
      const results = { ...at, lockedBecause: lockOf('results', parts) };
      add({
        ...plan,
        path: `${path}.name`,
        label: `${name} 項目`,
        column: 3,
        printed: 3,
        value: indicator.name,
        printedText: indicatorLabel(indicator.name, indicator.unit === '' ? null : indicator.unit),
        kind: 'lines',
        // A pasted 項目（単位） fills both.
        write: (text) => {
          if (planLock !== null) return { error: planLock };
          const { name: itemName, unit } = splitIndicatorLabel(text);
          return { actions: [set('name')(itemName), set('unit')(unit)] };
        },
      });
      add({
        ...plan,
        path: `${path}.unit`,
        label: `${name} 単位`,
        column: 4,
        printed: null,
        value: indicator.unit,
        joined: true,
        set: set('unit'),
      });
      add({
        ...plan,
        path: `${path}.direction`,
        label: `${name} 方向`,
        column: 5,
        printed: null,
        value: indicator.direction,
        kind: 'choice',
        options: directionOptions,
        joined: true,
        set: set('direction'),
      });
      for (const [a, actual] of indicator.actuals.entries()) {
        add({
          ...at,
          path: `${path}.actuals[${a}]`,
          label: `${name} ${columns.actuals[a]?.label ?? '実績'}`,
          column: 6 + a,
          printed: 4 + a,
          value: actual.text,
          lockedBecause: lockReasons.actuals,
        });
      }
      add({
        ...at,
        path: `${path}.target.text`,
        label: `${name} ${columns.target}`,
        column: 9,
        printed: 7,
        value: indicator.target,
        kind: 'lines',
        lockedBecause: lockOf('plan', parts, 'target'),
        set: set('target'),
      });
      add({
        ...results,
        path: `${path}.result.text`,
        label: `${name} ${columns.result}`,
        column: 10,
        printed: 8,
        value: indicator.result,
        kind: 'lines',
        set: set('result'),
      });
      add({
        ...at,
        path: `${path}.note`,
        label: `${name} 補足・参考指標`,
        column: 11,
        printed: 9,
        value: indicator.note,
        kind: 'lines',
        lockedBecause: lockOf('any', parts),
        set: set('note'),
      });
      add({
        ...results,
        path: `${path}.achievement`,
        label: `${name} 目標達成状況`,
        column: 12,
        printed: 10,
        value: indicator.achievement,
        kind: 'lines',
        set: set('achievement'),
      });
      add({
        ...results,
        path: `${path}.evaluation`,
        label: `${name} 評価`,
        column: 13,
        printed: 11,
        value: indicator.evaluation,
        kind: 'choice',
        options: evaluationOptions,
        set: set('evaluation'),
      });
      if (showReason(indicator, path)) {
        add({
          ...results,
          path: `${path}.evaluationReason`,
          label: `${name} 評価の理由`,
          column: 14,
          printed: null,
          value: indicator.evaluationReason,
          kind: 'lines',
          joined: true,
          set: set('evaluationReason'),
        });
      }
      if (needsMilestone(indicator)) {
        add({
          ...results,
          path: `${path}.milestoneDone`,
          label: `${name} 実施状況`,
          column: 15,
          printed: null,
          value: indicator.milestoneDone,
          kind: 'choice',
          options: milestoneOptions,
          joined: true,
          set: set('milestoneDone'),
        });
      }
    }
  }
  return { cells, rows };
}

export type Move = 'up' | 'down' | 'left' | 'right';

/** Whether `cell` is at (row, column), or spans down over it. */
export function covers(cell: GridCell, row: number, column: number): boolean {
  return cell.column === column && row >= cell.row && row < cell.row + cell.rowSpan;
}

/** The cell an arrow key moves to from `from`, or null at the edge. Spanned cells are one stop. */
export function neighbour(layout: GridLayout, from: GridCell, move: Move): GridCell | null {
  const rowCount = layout.rows.length;
  const maxColumn = Math.max(...layout.cells.map((cell) => cell.column));
  const at = (row: number, column: number) => layout.cells.find((cell) => covers(cell, row, column)) ?? null;
  if (move === 'down' || move === 'up') {
    const step = move === 'down' ? 1 : -1;
    for (
      let row = move === 'down' ? from.row + from.rowSpan : from.row - 1;
      row >= 0 && row < rowCount;
      row += step
    ) {
      const found = at(row, from.column);
      if (found) return found;
    }
    return null;
  }
  const step = move === 'right' ? 1 : -1;
  for (let column = from.column + step; column >= 0 && column <= maxColumn; column += step) {
    const found = at(from.row, column);
    if (found) return found;
  }
  return null;
}
