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
    expect(achievementRatio(0, 3, 'higher')).toBeNull();
    expect(achievementRatio(10, 0, 'lower')).toBeNull();
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

  it('judges a target without a number only by the 実施済み/未実施 a person chose', () => {
    expect(suggest('イベント開催を目指し内容検討', '開催', 'higher', true)).toBe('達成');
    expect(suggest('マニュアル作成', '作成中', 'higher', false)).toBe('未達成');
    expect(suggest('イベント開催を目指し内容検討', '開催')).toBeNull();
    // The same words in both cells are not a reading of the rule: a person says it was done.
    expect(suggest('南口の工事発注', '南口の工事発注')).toBeNull();
    expect(suggest('南口の工事発注', '南口の工事発注', 'higher', true)).toBe('達成');
  });

  it('follows a municipality’s own bands', () => {
    const strict = { achieved: 1, partly: 0.9 };
    const input = { direction: 'higher' as const, target: cell('100'), result: cell('85') };
    expect(suggestEvaluation(input, strict)?.evaluation).toBe('未達成');
    expect(suggestEvaluation(input)?.basis).toBe('結果÷目標 = 85％（80％以上100％未満）');
  });
});

const basis = (target: string, result: string, direction: 'higher' | 'lower' = 'higher') =>
  suggestEvaluation({ direction, target: cell(target), result: cell(result) })?.basis ?? null;

describe('the target’s qualifier (以上 / 以下 / 超 / 未満)', () => {
  it('以上 is met at the target and above', () => {
    expect(suggest('50％以上', '50')).toBe('達成');
    expect(suggest('50％以上', '50％')).toBe('達成');
    expect(suggest('５０％　以上', '５０％')).toBe('達成');
    expect(suggest('50％以上', '51')).toBe('達成');
    expect(suggest('50％以上', '49.9')).toBe('一部未達成');
    expect(suggest('50％以上', '39.9')).toBe('未達成');
  });

  it('超 is not met at the target itself', () => {
    expect(suggest('50％超', '50')).toBe('一部未達成');
    expect(suggest('50％超', '50.1')).toBe('達成');
    expect(suggest('3回超', '3回')).toBe('一部未達成');
    expect(suggest('3回超', '4回')).toBe('達成');
    expect(basis('50％超', '50')).toBe('結果÷目標 = 100％（80％以上100％以下）');
    expect(basis('50％超', '60')).toBe('結果÷目標 = 120％（100％超）');
  });

  it('以下 is met at the target and below, and makes lower the better way', () => {
    expect(suggest('10件以下', '10件')).toBe('達成');
    expect(suggest('10件以下', '9件')).toBe('達成');
    expect(suggest('10件以下', '12件')).toBe('一部未達成');
    expect(suggest('10件以下', '13件')).toBe('未達成');
    expect(suggest('3日以内', '3日')).toBe('達成');
    expect(basis('10件以下', '10件')).toBe('目標÷結果（目標が「10件以下」） = 100％（100％以上）');
  });

  it('未満 is not met at the target itself', () => {
    expect(suggest('5%未満', '5%')).toBe('一部未達成');
    expect(suggest('5%未満', '4.9%')).toBe('達成');
    expect(suggest('5%未満', '0%')).toBe('達成');
    expect(suggest('5%未満', '7%')).toBe('未達成');
  });

  it('decides the way for its target whatever the indicator’s direction says', () => {
    // A lower-is-better indicator with an 以上 target, and the other way round.
    expect(suggest('50％以上', '50', 'lower')).toBe('達成');
    expect(suggest('50％以上', '40', 'lower')).toBe('一部未達成');
    expect(suggest('50％超', '50', 'lower')).toBe('一部未達成');
    expect(suggest('10件以下', '10', 'higher')).toBe('達成');
    expect(suggest('10件以下', '20', 'higher')).toBe('未達成');
    expect(suggest('5%未満', '5', 'higher')).toBe('一部未達成');
    expect(suggest('5%未満', '4', 'higher')).toBe('達成');
    expect(basis('50％以上', '50', 'lower')).toBe('結果÷目標（目標が「50％以上」） = 100％（100％以上）');
  });

  it('follows the bands of a lenient rule, the boundary excluded for 超 and 未満', () => {
    const lenient = { achieved: 0.9, partly: 0.5 };
    const at = (target: string, result: string) =>
      suggestEvaluation({ direction: 'higher', target: cell(target), result: cell(result) }, lenient)
        ?.evaluation;
    expect(at('100以上', '90')).toBe('達成');
    expect(at('100超', '90')).toBe('一部未達成');
    expect(at('100超', '90.1')).toBe('達成');
  });

  it('ignores a qualifier written in the result', () => {
    expect(suggest('50', '50以上')).toBe('達成');
    expect(suggest('50', '40以上')).toBe('一部未達成');
  });
});

describe('minus values (△, ▲) against the rule', () => {
  it('compares a target of zero or below without a ratio', () => {
    expect(suggest('△5%以下', '△7%')).toBe('達成');
    expect(suggest('△5%以下', '△5%')).toBe('達成');
    expect(suggest('△5%以下', '△3%')).toBe('未達成');
    expect(suggest('△5%未満', '△5%')).toBe('未達成');
    expect(suggest('▲1,000円以上', '▲500円')).toBe('達成');
    expect(suggest('△5', '△5')).toBe('達成');
    expect(suggest('△5', '△6')).toBe('未達成');
    expect(suggest('0件超', '0件')).toBe('未達成');
    expect(basis('△5%以下', '△7%')).toBe('結果-7は目標-5以下（0以下の値は割合でなく大小で判定）');
    expect(basis('△5%未満', '△5%')).toBe('結果-5は目標-5以上（0以下の値は割合でなく大小で判定）');
  });

  it('reads a negative result against a positive target', () => {
    expect(suggest('10', '△2')).toBe('未達成');
    expect(suggest('10', '△2', 'lower')).toBe('達成');
    expect(suggest('10件以下', '▲2')).toBe('達成');
  });
});

describe('a target or result that is not one number', () => {
  it.each([
    ['11地区で説明会を実施', '11地区で説明会を実施'],
    ['11地区で説明会を実施', '11'],
    ['11', '11地区で説明会を実施'],
    ['南口の工事発注', '南口の工事発注'],
    ['10回', '中止'],
    ['中止', '10回'],
    ['多世代交流カフェ１１回 子育て支援講座４回', '多世代交流カフェ９回 子育て支援講座５回'],
    ['10人 20人', '15人'],
    ['3年後に完成予定', '3'],
    ['△', '5'],
  ])('%j → %j: no suggestion, no percentage', (target, result) => {
    expect(suggestEvaluation({ direction: 'higher', target: cell(target), result: cell(result) })).toBeNull();
    expect(suggestEvaluation({ direction: 'lower', target: cell(target), result: cell(result) })).toBeNull();
  });

  it('takes no percentage of a number stored beside free text (from a file or an older reading)', () => {
    const stored = (text: string, value: number) => ({ text, value });
    const suggestion = suggestEvaluation({
      direction: 'higher',
      target: stored('多世代交流カフェ１１回 子育て支援講座４回', 15),
      result: stored('多世代交流カフェ９回 子育て支援講座５回', 14),
    });
    expect(suggestion).toBeNull();
    expect(
      suggestEvaluation({
        direction: 'higher',
        target: stored('11地区で説明会を実施', 11),
        result: cell('11'),
      }),
    ).toBeNull();
  });

  it('gives no percentage even when a person said it was done', () => {
    const done = suggestEvaluation({
      direction: 'higher',
      target: cell('11地区で説明会を実施'),
      result: cell('11地区で実施'),
      milestoneDone: true,
    });
    expect(done).toEqual({ evaluation: '達成', basis: '実施済み', ratio: null });
  });
});
