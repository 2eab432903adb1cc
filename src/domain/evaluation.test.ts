import { describe, expect, it } from 'vitest';
import { directionLabels, directions, evaluations, isEvaluation } from './evaluation';

describe('evaluations', () => {
  it('lists the three evaluations in order', () => {
    expect(evaluations).toEqual(['達成', '一部未達成', '未達成']);
  });

  it.each(['達成', '一部未達成', '未達成'])('accepts %s', (x) => {
    expect(isEvaluation(x)).toBe(true);
  });

  it.each([['達成 '], ['achieved'], [''], [null], [undefined], [1], [['達成']], [{}]])('rejects %j', (x) => {
    expect(isEvaluation(x)).toBe(false);
  });
});

describe('directions', () => {
  it('has a Japanese label for each direction', () => {
    expect(directions).toEqual(['higher', 'lower']);
    expect(directionLabels).toEqual({ higher: '高いほど良い', lower: '低いほど良い' });
  });
});
