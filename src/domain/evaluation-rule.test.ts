import { describe, expect, it } from 'vitest';
import { parseCell } from './cell-value';
import { achievementRatio, defaultEvaluationRule, suggestEvaluation } from './evaluation-rule';

const cell = (text: string | null) => ({ text, value: parseCell(text).value });
const suggest = (
  target: string | null,
  result: string | null,
  direction: 'higher' | 'lower' = 'higher',
  milestoneDone?: boolean | null,
) =>
  suggestEvaluation(
    { direction, target: cell(target), result: cell(result), milestoneDone },
    defaultEvaluationRule,
  )?.evaluation ?? null;

describe('the evaluation rule (≥100% 達成, ≥80% 一部未達成, below 未達成)', () => {
  it('puts the boundaries on the right side', () => {
    expect(suggest('100', '100')).toBe('達成');
    expect(suggest('100', '99.99')).toBe('一部未達成');
    expect(suggest('100', '80')).toBe('一部未達成');
    expect(suggest('100', '79.99')).toBe('未達成');
    expect(suggest('100', '0')).toBe('未達成');
  });

  it('reads the sample the way the city did not always: 22→18, 50→48.2, 7→6', () => {
    expect(suggest('22', '18')).toBe('一部未達成');
    expect(suggest('50', '48.2')).toBe('一部未達成');
    expect(suggest('7回', '6回')).toBe('一部未達成');
  });

  it('accepts what people type: full-width digits, commas, units', () => {
    expect(suggest('１，０００人', '812人（Ｒ5.2末現在）')).toBe('一部未達成');
    expect(suggest('５０', '４８．２')).toBe('一部未達成');
  });

  it('reverses the ratio for lower-is-better indicators', () => {
    expect(suggest('20時間', '18時間', 'lower')).toBe('達成');
    expect(suggest('20時間', '24時間', 'lower')).toBe('一部未達成');
    expect(suggest('20時間', '26時間', 'lower')).toBe('未達成');
    expect(achievementRatio(20, 25, 'lower')).toBe(0.8);
  });

  it('handles zero targets and zero results', () => {
    expect(suggest('0', '0')).toBe('達成');
    expect(suggest('0', '3')).toBe('達成');
    expect(suggest('0', '0', 'lower')).toBe('達成');
    expect(suggest('0', '3', 'lower')).toBe('未達成');
    expect(suggest('10', '0', 'lower')).toBe('達成');
  });

  it('says nothing without a result or a target to compare', () => {
    expect(suggest('100', null)).toBeNull();
    expect(suggest(null, '5')).toBeNull();
    expect(suggest('', '')).toBeNull();
    expect(suggest('・委員会2回・座談会8回', '・委員会２回')).toBeNull();
  });

  it('judges milestones by their done flag, or by a result equal to the target', () => {
    expect(suggest('南口の工事発注', '南口の工事発注')).toBe('達成');
    expect(suggest('イベント開催を目指し内容検討', '開催')).toBeNull();
    expect(suggest('イベント開催を目指し内容検討', '開催', 'higher', true)).toBe('達成');
    expect(suggest('マニュアル作成', '作成中', 'higher', false)).toBe('未達成');
  });

  it('follows a municipality’s own bands', () => {
    const strict = { achieved: 1, partly: 0.9 };
    const input = { direction: 'higher' as const, target: cell('100'), result: cell('85') };
    expect(suggestEvaluation(input, strict)?.evaluation).toBe('未達成');
    expect(suggestEvaluation(input)?.basis).toBe('結果÷目標 = 85%（80%以上100%未満）');
  });
});
