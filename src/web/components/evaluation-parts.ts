import type { EvaluationMix } from '../../domain/evaluation-mix';
import { type EvaluationTally, evaluationTallies } from '../../domain/progress-board';
import type { StackedPart } from './StackedCounts';

/** Each 評価's colour in a chart (`stacked-bar__part--achieved`…). */
const evaluationKeys: Record<EvaluationTally, string> = {
  達成: 'achieved',
  一部未達成: 'partly',
  未達成: 'not-achieved',
  未評価: 'unevaluated',
};

/** A 評価 mix as the parts of a stacked bar, in the order tables show them. */
export const evaluationParts = (mix: EvaluationMix): StackedPart[] =>
  evaluationTallies.map((tally) => ({ key: evaluationKeys[tally], label: tally, count: mix[tally] }));
