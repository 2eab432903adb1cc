import type { Evaluation } from './evaluation';

/** The columns of a 評価 mix, in the order tables and charts show them. */
export const mixKeys = ['達成', '一部未達成', '未達成', '未評価'] as const;
export type MixKey = (typeof mixKeys)[number];

/** How many indicators have each 評価 (未評価: none yet). */
export type EvaluationMix = Record<MixKey, number>;

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

export const mixTotal = (mix: EvaluationMix): number => mixKeys.reduce((n, key) => n + mix[key], 0);

/**
 * Each column's share in percent to one decimal, adding up to exactly 100 (largest remainder):
 * a table beside a chart should not print 33.3 + 33.3 + 33.3. All zero when the mix is empty.
 */
export function mixShares(mix: EvaluationMix): EvaluationMix {
  const total = mixTotal(mix);
  const shares = emptyMix();
  if (total === 0) return shares;
  const tenths = mixKeys.map((key) => {
    const exact = (mix[key] * 1000) / total;
    return { key, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = 1000 - tenths.reduce((n, t) => n + t.floor, 0);
  for (const t of [...tenths].sort((a, b) => b.rest - a.rest)) {
    if (left === 0) break;
    t.floor += 1;
    left -= 1;
  }
  for (const t of tenths) shares[t.key] = t.floor / 10;
  return shares;
}
