import { describe, expect, it } from 'vitest';
import { type BoardRow, boardTotals, deadlineAhead, filterBoard, sortBoard } from './progress-board';

const row = (title: string, over: Partial<BoardRow> = {}): BoardRow & { title: string } => ({
  ward: '北区',
  title,
  departmentName: title,
  organizationName: null,
  phase: 'plan',
  overdue: null,
  deadline: null,
  lastChange: null,
  responsible: [],
  evaluations: { 達成: 0, 一部未達成: 0, 未達成: 0, 未評価: 0 },
  ...over,
});

const titles = (rows: { title: string }[]) => rows.map((r) => r.title);

describe('the progress board', () => {
  const deadlines = { plan: '2023-04-28', revision: '2023-10-31', evaluation: '2024-03-29' };

  it('works towards the deadline of the phase a sheet is in, none once done', () => {
    expect(deadlineAhead('draft', deadlines)).toBe('2023-04-28');
    expect(deadlineAhead('submitted', deadlines)).toBe('2023-04-28');
    expect(deadlineAhead('approved', deadlines)).toBe('2023-10-31');
    expect(deadlineAhead('evaluation_approved', deadlines)).toBe('2024-03-29');
    expect(deadlineAhead('published', deadlines)).toBeNull();
    expect(deadlineAhead('approved', { ...deadlines, revision: null })).toBeNull();
  });

  const rows = [
    row('地域総務課', {
      phase: 'revision',
      deadline: '2023-10-31',
      lastChange: { at: '2023-05-01T00:00:00Z' },
    }),
    row('健康福祉課', { phase: 'plan', deadline: '2023-04-28', overdue: 'plan', responsible: ['福祉 太郎'] }),
    row('北区郷土博物館', {
      phase: 'done',
      evaluations: { 達成: 2, 一部未達成: 1, 未達成: 1, 未評価: 0 },
      lastChange: { at: '2023-03-01T00:00:00Z' },
    }),
    row('産業振興課', { phase: 'done', evaluations: { 達成: 1, 一部未達成: 2, 未達成: 1, 未評価: 0 } }),
  ];

  it('sorts by a key with ties in the booklet order, rows without a value last either way', () => {
    expect(titles(sortBoard(rows, { key: 'order' }))).toEqual(titles(rows));
    expect(titles(sortBoard(rows, { key: 'phase' }))).toEqual([
      '健康福祉課',
      '地域総務課',
      '北区郷土博物館',
      '産業振興課',
    ]);
    expect(titles(sortBoard(rows, { key: 'phase', descending: true }))).toEqual([
      '北区郷土博物館',
      '産業振興課',
      '地域総務課',
      '健康福祉課',
    ]);
    expect(titles(sortBoard(rows, { key: 'deadline' })).slice(0, 2)).toEqual(['健康福祉課', '地域総務課']);
    expect(titles(sortBoard(rows, { key: 'deadline', descending: true })).slice(0, 2)).toEqual([
      '地域総務課',
      '健康福祉課',
    ]);
    expect(titles(sortBoard(rows, { key: 'lastChange', descending: true }))).toEqual([
      '地域総務課',
      '北区郷土博物館',
      '健康福祉課',
      '産業振興課',
    ]);
    expect(titles(sortBoard(rows, { key: 'evaluation', descending: true })).slice(0, 2)).toEqual([
      '産業振興課',
      '北区郷土博物館',
    ]);
    // Japanese reading order of the kanji is the collator's, not code points; the sort is stable.
    expect(sortBoard(rows, { key: 'organization' })).toHaveLength(4);
  });

  it('filters by phase, overdue, evaluation and words (width and case folded, every word found)', () => {
    expect(titles(filterBoard(rows, { phase: 'done' }))).toEqual(['北区郷土博物館', '産業振興課']);
    expect(titles(filterBoard(rows, { overdue: true }))).toEqual(['健康福祉課']);
    expect(titles(filterBoard(rows, { overdue: false }))).toEqual(titles(rows));
    expect(titles(filterBoard(rows, { evaluation: '未達成' }))).toEqual(['北区郷土博物館', '産業振興課']);
    expect(titles(filterBoard(rows, { words: '福祉　太郎' }))).toEqual(['健康福祉課']);
    expect(titles(filterBoard(rows, { words: '福祉 花子' }))).toEqual([]);
    expect(titles(filterBoard([row('ＩＣＴ推進課')], { words: 'ict' }))).toEqual(['ＩＣＴ推進課']);
  });

  it('totals the rows by phase and evaluation', () => {
    expect(boardTotals(rows)).toEqual({
      sheets: 4,
      overdue: 1,
      phases: { plan: 1, revision: 1, evaluation: 0, done: 2 },
      evaluations: { 達成: 3, 一部未達成: 3, 未達成: 2, 未評価: 0 },
    });
  });
});
