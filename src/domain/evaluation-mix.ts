import type { Evaluation } from './evaluation';
import { type EvaluationTally, evaluationTallies as mixKeys } from './progress-board';

/** How many indicators have each 評価 (未評価: none yet), in the order of `evaluationTallies`. */
export type EvaluationMix = Record<EvaluationTally, number>;

export const emptyMix = (): EvaluationMix => ({ 達成: 0, 一部未達成: 0, 未達成: 0, 未評価: 0 });

/** The mix of these indicators. */
export function mixOf(indicators: Iterable<{ evaluation: Evaluation | null }>): EvaluationMix {
  const mix = emptyMix();
  for (const { evaluation } of indicators) mix[evaluation ?? '未評価'] += 1;
  return mix;
}

/** Several mixes added up. */
export function sumMixes(mixes: Iterable<EvaluationMix>): EvaluationMix {
  const sum = emptyMix();
  for (const mix of mixes) for (const key of mixKeys) sum[key] += mix[key];
  return sum;
}

/**
 * Each count's share of their sum in percent to one decimal, adding up to exactly 100 (largest
 * remainder): a table beside a chart should not print 33.3 + 33.3 + 33.3. All zero for no count.
 */
export function percentShares(counts: readonly number[]): number[] {
  const total = counts.reduce((n, c) => n + c, 0);
  if (total === 0) return counts.map(() => 0);
  const tenths = counts.map((c, index) => {
    const exact = (c * 1000) / total;
    return { index, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = 1000 - tenths.reduce((n, t) => n + t.floor, 0);
  for (const t of [...tenths].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left === 0) break;
    t.floor += 1;
    left -= 1;
  }
  return tenths.map((t) => t.floor / 10);
}
