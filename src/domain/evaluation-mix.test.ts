import { describe, expect, it } from 'vitest';
import { mixKeys, mixOf, mixShares, mixTotal, sumMixes } from './evaluation-mix';

describe('evaluation mix', () => {
  it('counts each 評価 and the indicators not evaluated yet', () => {
    const mix = mixOf([
      { evaluation: '達成' },
      { evaluation: '達成' },
      { evaluation: '未達成' },
      { evaluation: null },
    ]);
    expect(mix).toEqual({ 達成: 2, 一部未達成: 0, 未達成: 1, 未評価: 1 });
    expect(mixTotal(mix)).toBe(4);
  });

  it('adds mixes up', () => {
    const a = mixOf([{ evaluation: '達成' }]);
    const b = mixOf([{ evaluation: '一部未達成' }, { evaluation: '達成' }]);
    expect(sumMixes([a, b])).toEqual({ 達成: 2, 一部未達成: 1, 未達成: 0, 未評価: 0 });
  });

  it('gives shares to one decimal that add up to 100', () => {
    const thirds = mixShares({ 達成: 1, 一部未達成: 1, 未達成: 1, 未評価: 0 });
    expect(mixKeys.reduce((n, key) => n + thirds[key] * 10, 0)).toBe(1000);
    expect(thirds.未評価).toBe(0);
    expect(mixShares({ 達成: 31, 一部未達成: 7, 未達成: 5, 未評価: 0 })).toEqual({
      達成: 72.1,
      一部未達成: 16.3,
      未達成: 11.6,
      未評価: 0,
    });
  });

  it('gives zero shares to an empty mix', () => {
    expect(mixShares(mixOf([]))).toEqual({ 達成: 0, 一部未達成: 0, 未達成: 0, 未評価: 0 });
  });
});
