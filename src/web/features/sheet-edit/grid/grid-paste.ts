import type { FormAction } from '../form-reducer';
import { covers, type GridCell, type GridLayout } from './grid-model';

/** The printed sheet's columns, as a block copied from it (or from the city's Excel) is laid out. */
const printedColumns = [
  '部区',
  '組織目標',
  '主な取組（事業）',
  '項目（単位）',
  '実績1',
  '実績2',
  '実績3',
  '目標',
  '結果',
  '補足・参考指標',
  '目標達成状況',
  '評価',
] as const;

export interface PasteOutcome {
  actions: FormAction[];
  /** Refusals by cell id, shown on the cell. */
  refused: Map<string, string>;
  /** Changed cells' paths, checked at once. */
  written: string[];
  /** What fell outside the table (rows below the last indicator, columns past 評価). */
  outside: number;
  /** Why nothing was pasted at all, when the block cannot start at this cell. */
  refusedBlock: string | null;
}

/** What a cell shows for a value (a choice's words), to tell whether a pasted value is new. */
function shownValue(cell: GridCell, value: string): string {
  const text = value.replace(/\r\n?/g, '\n');
  if (!cell.options) return text;
  const typed = text.normalize('NFKC').trim();
  return cell.options.find((o) => o.label === typed || o.value === typed)?.value ?? typed;
}

/**
 * A block laid over the printed sheet's columns from the cell `from`, one block row per grid
 * row below it. Every cell is checked on its own: a locked cell or a value it cannot hold is
 * refused there and the rest is written.
 */
export function pasteBlock(layout: GridLayout, from: GridCell, block: string[][]): PasteOutcome {
  const outcome: PasteOutcome = {
    actions: [],
    refused: new Map(),
    written: [],
    outside: 0,
    refusedBlock: null,
  };
  if (from.printed === null) {
    // 単位, 方向, 評価の理由 and 実施状況 are not columns of the printed sheet a block is laid over.
    outcome.refusedBlock = `${from.label.replace(/^目標\d+ 指標\d+ /, '')}の欄からは範囲を貼り付けられません。項目や評価などの欄を選んでから貼り付けてください。`;
    return outcome;
  }
  const start = from.printed;
  const done = new Map<string, string>();
  for (const [r, values] of block.entries()) {
    const row = from.row + r;
    for (const [c, text] of values.entries()) {
      const printed = start + c;
      const cell =
        row < layout.rows.length && printed < printedColumns.length
          ? layout.cells.find(
              (candidate) => candidate.printed === printed && covers(candidate, row, candidate.column),
            )
          : undefined;
      if (!cell) {
        outcome.outside += 1;
        continue;
      }
      // A goal's cell spans its indicators' rows: the first row of the block writes it, and the
      // rows under it are blank or the same where the spreadsheet merged the cell.
      const earlier = done.get(cell.id);
      if (earlier !== undefined) {
        if (text !== '' && text !== earlier)
          outcome.refused.set(cell.id, '同じ欄に異なる値が貼り付けられました。最初の行の値を使います。');
        continue;
      }
      done.set(cell.id, text);
      // What the cell already holds is no change, locked or not.
      if (shownValue(cell, text) === (cell.printedText ?? cell.value)) continue;
      const written = cell.write(text);
      if ('error' in written) {
        outcome.refused.set(cell.id, written.error);
        continue;
      }
      outcome.actions.push(...written.actions);
      outcome.written.push(cell.path);
    }
  }
  return outcome;
}
