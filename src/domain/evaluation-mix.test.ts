import { describe, expect, it } from 'vitest';
import { mixOf, percentShares, sumMixes } from './evaluation-mix';

describe('evaluation mix', () => {
  it('counts each 評価 and the indicators not evaluated yet', () => {
    const mix = mixOf([
      { evaluation: '達成' },
      { evaluation: '達成' },
      { evaluation: '未達成' },
      { evaluation: null },
    ]);
    expect(mix).toEqual({ 達成: 2, 一部未達成: 0, 未達成: 1, 未評価: 1 });
  });

  it('adds mixes up', () => {
    const a = mixOf([{ evaluation: '達成' }]);
    const b = mixOf([{ evaluation: '一部未達成' }, { evaluation: '達成' }]);
    expect(sumMixes([a, b])).toEqual({ 達成: 2, 一部未達成: 1, 未達成: 0, 未評価: 0 });
  });

  it('gives shares to one decimal that add up to 100', () => {
    const thirds = percentShares([1, 1, 1, 0]);
    expect(thirds.reduce((n, x) => n + x * 10, 0)).toBe(1000);
    expect(thirds[3]).toBe(0);
    expect(percentShares([31, 7, 5, 0])).toEqual([72.1, 16.3, 11.6, 0]);
  });

  it('gives zero shares to no count', () => {
    expect(percentShares([0, 0, 0, 0])).toEqual([0, 0, 0, 0]);
  });
});
