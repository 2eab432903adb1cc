import { formatNumber, parseCell, type Qualifier } from './cell-value';
import type { Direction, Evaluation } from './evaluation';

/**
 * How a municipality maps results to 達成 / 一部未達成 / 未達成: bands on the achievement ratio
 * (result ÷ target, or target ÷ result when lower is better). Configured per municipality.
 */
export interface EvaluationRule {
  /** At or above this ratio: 達成 (1.0 = 100%). */
  achieved: number;
  /** At or above this ratio (and below `achieved`): 一部未達成; below it: 未達成. */
  partly: number;
  /**
   * Whether the public sees the rule's suggestion (目安) and the reason given for a 評価 that
   * differs from it. By default they are internal aids: staff see them, the publication does not.
   */
  publishAids: boolean;
}

/** The two bands a suggestion is read from. */
export type EvaluationBands = Pick<EvaluationRule, 'achieved' | 'partly'>;

export const defaultEvaluationRule: EvaluationRule = { achieved: 1, partly: 0.8, publishAids: false };

export interface EvaluationInput {
  /** The indicator's direction; a target's 以上/超 or 以下/未満 decides it for that target. */
  direction: Direction;
  /** The target as written (its qualifier is read from the text) and its number. */
  target: { text: string | null; value: number | null };
  result: { text: string | null; value: number | null };
  /** For a target or result without a number: did a person say it was done? null when nobody said. */
  milestoneDone?: boolean | null;
}

export interface Suggestion {
  evaluation: Evaluation;
  /** Why, in words: 「結果÷目標 = 96.4％（80％以上100％未満）」. */
  basis: string;
  /** The achievement ratio, when there are numbers. */
  ratio: number | null;
}

/**
 * How a target is met: from its qualifier, else from the indicator's direction (higher is better:
 * at least the target; lower is better: at most). 超 and 未満 do not include the target itself.
 */
type Bound = { direction: Direction; strict: boolean; qualifier: Qualifier | null };

function boundOf(direction: Direction, qualifier: Qualifier | null): Bound {
  switch (qualifier) {
    case 'atLeast':
      return { direction: 'higher', strict: false, qualifier };
    case 'above':
      return { direction: 'higher', strict: true, qualifier };
    case 'atMost':
      return { direction: 'lower', strict: false, qualifier };
    case 'below':
      return { direction: 'lower', strict: true, qualifier };
    default:
      return { direction, strict: false, qualifier: null };
  }
}

const percent = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString('ja-JP')}％`;

/**
 * The evaluation the rule suggests, or null when it cannot say: no result, no target, or a target or
 * result that is not one number (free text, two counts in one cell) and no 実施済み/未実施 from a person.
 */
export function suggestEvaluation(
  input: EvaluationInput,
  rule: EvaluationBands = defaultEvaluationRule,
): Suggestion | null {
  const { target, result } = input;
  const written = parseCell(target.text);
  // Both cells must say a number as written: a value stored beside free text (two counts in one
  // cell, a sentence) is not a figure to take a percentage of.
  const comparable = written.kind === 'number' && parseCell(result.text).kind === 'number';
  if (comparable && target.value !== null && result.value !== null) {
    const bound = boundOf(input.direction, written.qualifier);
    const ratio = achievementRatio(target.value, result.value, bound.direction);
    return ratio === null
      ? compareOnly(target.value, result.value, bound)
      : byRatio(ratio, bound, rule, formulaOf(bound, input.direction, target.text));
  }
  if (!result.text?.trim() || input.milestoneDone === null || input.milestoneDone === undefined) return null;
  return input.milestoneDone
    ? { evaluation: '達成', basis: '実施済み', ratio: null }
    : { evaluation: '未達成', basis: '未実施', ratio: null };
}

/** 「結果÷目標」, 「目標÷結果（低いほど良い指標）」, or naming the target whose qualifier set the way. */
function formulaOf(bound: Bound, indicatorDirection: Direction, targetText: string | null): string {
  const ratio = bound.direction === 'higher' ? '結果÷目標' : '目標÷結果';
  if (bound.qualifier && (bound.direction === 'lower' || indicatorDirection === 'lower')) {
    return `${ratio}（目標が「${targetText?.trim() ?? ''}」）`;
  }
  return bound.direction === 'lower' ? `${ratio}（低いほど良い指標）` : ratio;
}

/** The ratio against the rule's bands; 超/未満 make the 達成 boundary exclusive. */
function byRatio(ratio: number, bound: Bound, rule: EvaluationBands, formula: string): Suggestion {
  const [atOrAbove, below] = bound.strict ? ['超', '以下'] : ['以上', '未満'];
  const reached = bound.strict ? ratio > rule.achieved : ratio >= rule.achieved;
  const band = reached
    ? { evaluation: '達成' as const, words: `${percent(rule.achieved)}${atOrAbove}` }
    : ratio >= rule.partly
      ? {
          evaluation: '一部未達成' as const,
          words: `${percent(rule.partly)}以上${percent(rule.achieved)}${below}`,
        }
      : { evaluation: '未達成' as const, words: `${percent(rule.partly)}未満` };
  const shown = Number.isFinite(ratio) ? percent(ratio) : '∞';
  return { evaluation: band.evaluation, basis: `${formula} = ${shown}（${band.words}）`, ratio };
}

/** Words for 「結果 x は目標 y ___」 when the result meets the bound, and when it does not. */
const comparisonWords: Record<Qualifier, [met: string, unmet: string]> = {
  atLeast: ['以上', '未満'],
  above: ['を超える', '以下'],
  atMost: ['以下', 'を超える'],
  below: ['未満', '以上'],
};

/**
 * Values of zero or below (a target of 0, △5%以下) give no meaningful ratio: the result either
 * meets the bound (達成) or not (未達成).
 */
function compareOnly(target: number, result: number, bound: Bound): Suggestion {
  const qualifier: Qualifier = bound.qualifier ?? (bound.direction === 'higher' ? 'atLeast' : 'atMost');
  const met =
    bound.direction === 'higher'
      ? bound.strict
        ? result > target
        : result >= target
      : bound.strict
        ? result < target
        : result <= target;
  const words = comparisonWords[qualifier][met ? 0 : 1];
  return {
    evaluation: met ? '達成' : '未達成',
    basis: `結果${formatNumber(result)}は目標${formatNumber(target)}${words}（0以下の値は割合でなく大小で判定）`,
    ratio: null,
  };
}

/**
 * result ÷ target (higher is better) or target ÷ result (lower is better). null when the ratio means
 * nothing: a target of 0 or below, or (lower is better) a result of 0 or below, which only compare.
 */
export function achievementRatio(target: number, result: number, direction: Direction): number | null {
  if (target <= 0) return null;
  if (direction === 'higher') return result / target;
  return result <= 0 ? null : target / result;
}
