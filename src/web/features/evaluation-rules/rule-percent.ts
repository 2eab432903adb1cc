import type { EvaluationRule } from '../../../domain/evaluation-rule';

export type RuleField = 'achieved' | 'partly';
export type RuleInputs = Record<RuleField, string>;

export const ruleLabels: Record<RuleField, string> = {
  achieved: '「達成」とする達成率',
  partly: '「一部未達成」とする達成率',
};

/** 1 → '100', 0.8 → '80' (fractions as the API keeps them, percents as people say them). */
export function toPercentText(fraction: number): string {
  return String(Math.round(fraction * 1_000_000) / 10_000);
}

/** 80 → 0.8, without floating-point noise. */
function toFraction(percent: number): number {
  return Math.round(percent * 10_000) / 1_000_000;
}

/** '８０', '80%', ' 80 ' → 80; anything else → null. */
export function readPercent(text: string): number | null {
  const normalized = text.normalize('NFKC').trim().replace(/%$/, '').trim();
  return /^\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : null;
}

export type CheckedRule = { ok: true; rule: EvaluationRule } | { ok: false; errors: Map<RuleField, string> };

/** The server's checks, said next to each field: 0 < 達成 ≤ 1000%, 0 ≤ 一部未達成 ≤ 達成. */
export function checkRule(inputs: RuleInputs, publishAids: boolean): CheckedRule {
  const errors = new Map<RuleField, string>();
  const achieved = readPercent(inputs.achieved);
  const partly = readPercent(inputs.partly);
  if (achieved === null) errors.set('achieved', '数値を入力してください（例：100）');
  else if (achieved <= 0) errors.set('achieved', '0より大きい値にしてください');
  else if (achieved > 1000) errors.set('achieved', '1000以下にしてください');
  if (partly === null) errors.set('partly', '数値を入力してください（例：80）');
  else if (partly > 1000) errors.set('partly', '1000以下にしてください');
  else if (achieved !== null && partly > achieved)
    errors.set('partly', `「達成」とする達成率（${achieved}％）以下にしてください`);
  if (errors.size > 0 || achieved === null || partly === null) return { ok: false, errors };
  return { ok: true, rule: { achieved: toFraction(achieved), partly: toFraction(partly), publishAids } };
}
