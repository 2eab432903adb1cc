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
}

export const defaultEvaluationRule: EvaluationRule = { achieved: 1, partly: 0.8 };

export interface EvaluationInput {
  direction: Direction;
  target: { text: string | null; value: number | null };
  result: { text: string | null; value: number | null };
  /** For a milestone (no number): was it done? null when nobody said. */
  milestoneDone?: boolean | null;
}

export interface Suggestion {
  evaluation: Evaluation;
  /** Why, in words: 「結果÷目標 = 96.4%（80%以上100%未満）」. */
  basis: string;
  /** The achievement ratio, when there are numbers. */
  ratio: number | null;
}

const percent = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString('ja-JP')}%`;

/** The evaluation the rule suggests, or null when it cannot say (no result, no target). */
export function suggestEvaluation(
  input: EvaluationInput,
  rule: EvaluationRule = defaultEvaluationRule,
): Suggestion | null {
  const { target, result, direction } = input;
  if (target.value !== null && result.value !== null) {
    const ratio = achievementRatio(target.value, result.value, direction);
    const formula = direction === 'higher' ? '結果÷目標' : '目標÷結果（低いほど良い指標）';
    const band =
      ratio >= rule.achieved
        ? { evaluation: '達成' as const, words: `${percent(rule.achieved)}以上` }
        : ratio >= rule.partly
          ? {
              evaluation: '一部未達成' as const,
              words: `${percent(rule.partly)}以上${percent(rule.achieved)}未満`,
            }
          : { evaluation: '未達成' as const, words: `${percent(rule.partly)}未満` };
    const shown = Number.isFinite(ratio) ? percent(ratio) : '∞';
    return { evaluation: band.evaluation, basis: `${formula} = ${shown}（${band.words}）`, ratio };
  }
  if (!result.text?.trim()) return null;
  const done =
    input.milestoneDone ?? (target.text?.trim() && target.text.trim() === result.text.trim() ? true : null);
  if (done === null) return null;
  return done
    ? { evaluation: '達成', basis: input.milestoneDone ? '実施済み' : '結果が目標と同じ', ratio: null }
    : { evaluation: '未達成', basis: '未実施', ratio: null };
}

/** result ÷ target (higher is better) or target ÷ result (lower is better); zero handled. */
export function achievementRatio(target: number, result: number, direction: Direction): number {
  const [num, den] = direction === 'higher' ? [result, target] : [target, result];
  if (den === 0) return num >= 0 ? Number.POSITIVE_INFINITY : 0;
  if (direction === 'higher' && target < 0) return result >= target ? 1 : 0;
  return num / den;
}
