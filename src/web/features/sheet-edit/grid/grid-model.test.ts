import { describe, expect, it } from 'vitest';
import type { EditablePart } from '../../../../domain/sheet-lifecycle';
import { historyReducer, startHistory } from '../form-history';
import { type FormDocument, newGoal, newIndicator } from '../form-model';
import { formReducer } from '../form-reducer';
import { buildGrid, type GridLayout, lockReasons, neighbour, splitIndicatorLabel } from './grid-model';
import { pasteBlock } from './grid-paste';
import { parseTsv } from './tsv';

const fiscalYear = 2023;

/** Two goals: the first with two indicators, the second with none. */
function form(): FormDocument {
  const first = newGoal(fiscalYear);
  first.text = '地域防災力の向上';
  first.indicators = [
    { ...newIndicator(fiscalYear), name: '訓練の回数', unit: '回', target: '10回' },
    { ...newIndicator(fiscalYear), name: '参加者数', unit: '人', target: '300人' },
  ];
  const second = { ...newGoal(fiscalYear), text: '窓口の改善', indicators: [] };
  return { phone: '', purpose: '', approach: '', outcome: '', goals: [first, second] };
}

function grid(doc: FormDocument, parts: EditablePart[] = ['plan']): GridLayout {
  return buildGrid({ form: doc, fiscalYear, parts: new Set(parts), showReason: () => false });
}

function cell(layout: GridLayout, path: string) {
  const found = layout.cells.find((c) => c.path === path);
  if (!found) throw new Error(`no cell ${path}`);
  return found;
}

describe('the editor grid', () => {
  it('lays a goal over its indicators’ rows and gives a goal without indicators one row', () => {
    const layout = grid(form());
    expect(layout.rows).toEqual([
      { goal: 0, indicator: 0 },
      { goal: 0, indicator: 1 },
      { goal: 1, indicator: null },
    ]);
    expect(cell(layout, 'goals[0].text')).toMatchObject({ row: 0, rowSpan: 2 });
    expect(cell(layout, 'goals[1].text')).toMatchObject({ row: 2, rowSpan: 1 });
  });

  it('moves with the arrow keys, a spanned cell being one stop, and stops at the edges', () => {
    const layout = grid(form());
    const goalText = cell(layout, 'goals[0].text');
    expect(neighbour(layout, goalText, 'down')?.path).toBe('goals[1].text');
    expect(neighbour(layout, goalText, 'up')).toBeNull();
    const target2 = cell(layout, 'goals[0].indicators[1].target.text');
    expect(neighbour(layout, target2, 'up')?.path).toBe('goals[0].indicators[0].target.text');
    // Below the last indicator is a goal without indicators: nothing in that column.
    expect(neighbour(layout, target2, 'down')).toBeNull();
    expect(neighbour(layout, target2, 'left')?.path).toBe('goals[0].indicators[1].actuals[2]');
    // Left from an indicator's name, the goal that spans it.
    expect(neighbour(layout, cell(layout, 'goals[0].indicators[1].name'), 'left')?.path).toBe(
      'goals[0].initiatives',
    );
    expect(neighbour(layout, cell(layout, 'goals[1].initiatives'), 'right')).toBeNull();
  });

  it('locks what the state does not allow, and says why', () => {
    const draft = grid(form(), ['plan']);
    expect(cell(draft, 'goals[0].indicators[0].actuals[0]').lockedBecause).toBe(lockReasons.actuals);
    expect(cell(draft, 'goals[0].indicators[0].result.text').lockedBecause).toBe(lockReasons.results);
    expect(cell(draft, 'goals[0].indicators[0].target.text').lockedBecause).toBeNull();
    const approved = grid(form(), ['results']);
    expect(cell(approved, 'goals[0].indicators[0].target.text').lockedBecause).toBe(lockReasons.target);
    expect(cell(approved, 'goals[0].text').lockedBecause).toBe(lockReasons.plan);
    expect(cell(approved, 'goals[0].indicators[0].note').lockedBecause).toBeNull();
    expect(cell(grid(form(), []), 'goals[0].indicators[0].note').lockedBecause).toBe(lockReasons.none);
  });

  it('pastes a block over the printed columns, row by row, refusing cell by cell', () => {
    const doc = form();
    const layout = grid(doc, ['results']);
    const block = parseTsv('11回\t8回\t雨天で1回中止\r\n320人\t350人\t\r\n');
    const outcome = pasteBlock(layout, cell(layout, 'goals[0].indicators[0].target.text'), block);
    // The targets are locked once approved; results and notes are written.
    expect(outcome.refused.get('f-goals-0-indicators-0-target-text')).toBe(lockReasons.target);
    expect(outcome.refused.get('f-goals-0-indicators-1-target-text')).toBe(lockReasons.target);
    expect(outcome.written).toEqual([
      'goals[0].indicators[0].result.text',
      'goals[0].indicators[0].note',
      'goals[0].indicators[1].result.text',
    ]);
    const after = formReducer(doc, { type: 'batch', actions: outcome.actions });
    expect(after.goals[0]?.indicators.map((i) => [i.target, i.result, i.note])).toEqual([
      ['10回', '8回', '雨天で1回中止'],
      ['300人', '350人', ''],
    ]);
  });

  it('counts what falls outside, checks choices, and splits 項目（単位）', () => {
    const layout = grid(form(), ['plan', 'results']);
    const from = cell(layout, 'goals[0].indicators[1].evaluation');
    const outcome = pasteBlock(layout, from, [['達成', 'はみ出し'], ['未達成']]);
    expect(outcome.outside).toBe(2);
    expect(outcome.written).toEqual(['goals[0].indicators[1].evaluation']);
    const wrong = pasteBlock(layout, from, [['よい']]);
    expect(wrong.refused.get(from.id)).toContain('「達成」「一部未達成」「未達成」');
    const named = pasteBlock(layout, cell(layout, 'goals[0].indicators[0].name'), [['来館者数（人）']]);
    // 単位 is not a printed column: a block starting there would land in 項目.
    expect(
      pasteBlock(layout, cell(layout, 'goals[0].indicators[0].unit'), [['人', '5']]).refusedBlock,
    ).toContain('単位の欄からは範囲を貼り付けられません');
    const after = formReducer(form(), { type: 'batch', actions: named.actions });
    expect(after.goals[0]?.indicators[0]).toMatchObject({ name: '来館者数', unit: '人' });
    expect(splitIndicatorLabel('定時退庁推進日実施率（％）')).toEqual({
      name: '定時退庁推進日実施率',
      unit: '％',
    });
    expect(splitIndicatorLabel('研修の実施')).toEqual({ name: '研修の実施', unit: '' });
  });

  it('takes a block copied from the city’s sheet as it is: merged goal cells blank below, locked cells unchanged', () => {
    const layout = grid(form(), ['plan']);
    // 部区 … 評価 of two rows, as Excel copies merged goal cells: the goal's columns blank on row 2.
    const block = [
      ['', '地域防災力の向上', '', '訓練の回数（回）', '', '', '', '12回', '', '', '', ''],
      ['', '', '', '参加者数（人）', '', '', '', '300人', '', '', '', ''],
    ];
    const outcome = pasteBlock(layout, cell(layout, 'goals[0].parentNo'), block);
    expect(outcome.refused).toEqual(new Map());
    expect(outcome.written).toEqual(['goals[0].indicators[0].target.text']);
  });

  it('writes a goal spanned by the block once, from its first row', () => {
    const layout = grid(form());
    const outcome = pasteBlock(layout, cell(layout, 'goals[0].text'), [['目標A'], ['目標B'], ['目標C']]);
    expect(outcome.refused.get('f-goals-0-text')).toContain('最初の行');
    expect(outcome.written).toEqual(['goals[0].text', 'goals[1].text']);
  });
});

describe('parseTsv', () => {
  it('reads what spreadsheets put on the clipboard', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('"7,478人\n（入館者）"\t"say ""hi"""\n')).toEqual([['7,478人\n（入館者）', 'say "hi"']]);
    expect(parseTsv('one')).toEqual([['one']]);
    expect(parseTsv('a\t\tc')).toEqual([['a', '', 'c']]);
    expect(parseTsv('"unclosed\tx')).toEqual([['"unclosed', 'x']]);
  });
});

describe('undo and redo', () => {
  it('makes one step of a cell’s keystrokes and of a pasted block', () => {
    const doc = form();
    let history = startHistory(doc);
    const type = (value: string, step: string) => {
      history = historyReducer(history, { type: 'goal', goal: 0, field: 'text', value, step });
    };
    type('地', 'edit-1');
    type('地域', 'edit-1');
    type('x', 'edit-2');
    history = historyReducer(history, {
      type: 'batch',
      actions: [
        { type: 'goal', goal: 1, field: 'text', value: 'A' },
        { type: 'goal', goal: 1, field: 'parentNo', value: '2' },
      ],
    });
    expect(history.past).toHaveLength(3);
    history = historyReducer(history, { type: 'undo' });
    expect(history.present.goals[1]).toMatchObject({ text: '窓口の改善', parentNo: '' });
    history = historyReducer(history, { type: 'undo' });
    expect(history.present.goals[0]?.text).toBe('地域');
    history = historyReducer(history, { type: 'redo' });
    expect(history.present.goals[0]?.text).toBe('x');
    history = historyReducer(history, { type: 'undo' });
    history = historyReducer(history, { type: 'undo' });
    expect(history.present).toBe(doc);
    expect(historyReducer(history, { type: 'undo' })).toBe(history);
  });

  it('abandons a cell’s edit without leaving an empty step, only while it is the last', () => {
    const doc = form();
    let history = historyReducer(startHistory(doc), {
      type: 'goal',
      goal: 0,
      field: 'text',
      value: 'a',
      step: 's1',
    });
    history = historyReducer(history, { type: 'goal', goal: 0, field: 'text', value: 'ab', step: 's1' });
    const abandoned = historyReducer(history, { type: 'abandon', step: 's1' });
    expect(abandoned.present).toBe(doc);
    expect(abandoned.past).toHaveLength(0);
    const later = historyReducer(history, { type: 'goal', goal: 1, field: 'text', value: 'x', step: 's2' });
    expect(historyReducer(later, { type: 'abandon', step: 's1' })).toBe(later);
  });
});
