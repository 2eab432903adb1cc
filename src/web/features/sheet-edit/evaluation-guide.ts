import { parseCell } from '../../../domain/cell-value';
import { evaluations } from '../../../domain/evaluation';
import { type EvaluationRule, suggestEvaluation } from '../../../domain/evaluation-rule';
import type { Editor } from './editor-context';
import type { FormIndicator } from './form-model';

export const evaluationOptions = [
  { value: '', label: '未選択' },
  ...evaluations.map((e) => ({ value: e, label: e })),
];

export const milestoneOptions = [
  { value: '', label: '未選択' },
  { value: 'done', label: '実施済み' },
  { value: 'notDone', label: '未実施' },
];

type Guide = { evaluation: string; basis: string };

/** What the rule suggests for the values typed now, as the server will compute it on saving. */
function liveGuide(indicator: FormIndicator, rule: EvaluationRule): Guide | null {
  const cell = (text: string) => ({ text: text.trim() || null, value: parseCell(text).value });
  const suggestion = suggestEvaluation(
    {
      direction: indicator.direction,
      target: cell(indicator.target),
      result: cell(indicator.result),
      milestoneDone: indicator.milestoneDone === '' ? null : indicator.milestoneDone === 'done',
    },
    rule,
  );
  return suggestion && { evaluation: suggestion.evaluation, basis: suggestion.basis };
}

/** Until the rule is read: the API's suggestion for the saved values, while they are unchanged. */
function savedGuide(indicator: FormIndicator, suggestions: Editor['suggestions']): Guide | null {
  const saved = indicator.indicatorId ? suggestions.get(indicator.indicatorId) : undefined;
  if (!saved || (saved.savedResult ?? '') !== indicator.result) return null;
  return { evaluation: saved.evaluation, basis: saved.basis };
}

/** The rule's suggestion (目安) for an indicator as typed now, and whether the 評価 chosen differs. */
export function evaluationGuide(
  indicator: FormIndicator,
  rule: EvaluationRule | null,
  suggestions: Editor['suggestions'],
): { guide: Guide | null; differs: boolean } {
  const guide = rule ? liveGuide(indicator, rule) : savedGuide(indicator, suggestions);
  const differs = guide !== null && indicator.evaluation !== '' && indicator.evaluation !== guide.evaluation;
  return { guide, differs };
}

/** Without two numbers to compare, a person says whether it was done (実施済み/未実施). */
export function needsMilestone(indicator: FormIndicator): boolean {
  return (
    parseCell(indicator.target).kind !== 'number' ||
    parseCell(indicator.result).kind === 'milestone' ||
    indicator.milestoneDone !== ''
  );
}
