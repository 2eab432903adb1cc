import { describe, expect, it } from 'vitest';
import { diffSheets } from './sheet-diff';
import type { IndicatorDocument, SheetDocument } from './sheet-document';

const indicator = (id: string, name: string): IndicatorDocument => ({
  indicatorId: id,
  name,
  unit: '件',
  direction: 'higher',
  actuals: [
    { fiscalYear: 2019, text: '31' },
    { fiscalYear: 2020, text: '19' },
    { fiscalYear: 2021, text: '21' },
  ],
  target: { text: '22' },
  result: { text: null },
  note: null,
  achievement: null,
  evaluation: null,
});

const base = (): SheetDocument => ({
  phone: '025-387-1150',
  purpose: '目的',
  approach: null,
  outcome: null,
  goals: [
    { parentNo: null, text: '目標A', initiatives: ['取組1'], indicators: [indicator('a', '協働した団体数')] },
    { parentNo: 2, text: '目標B', initiatives: [], indicators: [indicator('b', '参加者数')] },
  ],
});

describe('diffSheets', () => {
  it('finds nothing between equal documents', () => {
    expect(diffSheets(base(), base(), 2022)).toEqual([]);
  });

  it('names each change in words with its before and after', () => {
    const after = base();
    const ind = after.goals[0]?.indicators[0];
    if (!ind) throw new Error();
    ind.target = { text: '20' };
    ind.result = { text: '18' };
    ind.evaluation = '一部未達成';
    after.purpose = '新しい目的';
    expect(diffSheets(base(), after, 2022)).toEqual([
      { path: 'purpose', label: '組織の目的', before: '目的', after: '新しい目的', part: 'plan' },
      {
        path: 'goals[0].indicators[0].target',
        label: '目標1 › 指標「協働した団体数」 › R4目標',
        before: '22',
        after: '20',
        part: 'plan',
      },
      {
        path: 'goals[0].indicators[0].result',
        label: '目標1 › 指標「協働した団体数」 › R4結果',
        before: null,
        after: '18',
        part: 'results',
      },
      {
        path: 'goals[0].indicators[0].evaluation',
        label: '目標1 › 指標「協働した団体数」 › 評価',
        before: null,
        after: '一部未達成',
        part: 'results',
      },
    ]);
  });

  it('sees goals added and removed, indicators added, removed and moved', () => {
    const after = base();
    const moved = after.goals[1]?.indicators.pop();
    if (!moved) throw new Error();
    after.goals[0]?.indicators.push(moved, { ...indicator('x', '新しい指標'), indicatorId: null });
    after.goals.push({ parentNo: null, text: '目標C', initiatives: [], indicators: [] });
    const removed = base();
    removed.goals[0]?.indicators.splice(0, 1);
    const changes = diffSheets(base(), after, 2022).map((c) => `${c.label}: ${c.before} → ${c.after}`);
    expect(changes).toEqual([
      '目標1 › 指標「参加者数」 › 組織目標: 目標2 → 目標1',
      '目標1 › 指標「新しい指標」: null → 新しい指標',
      '目標3: null → 目標C',
    ]);
    expect(diffSheets(base(), removed, 2022).map((c) => c.label)).toEqual(['目標1 › 指標「協働した団体数」']);
  });

  it('treats an empty text as no value', () => {
    const after = base();
    after.approach = '';
    expect(diffSheets(base(), after, 2022)).toEqual([]);
  });
});
