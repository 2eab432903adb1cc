import { parseCell } from './cell-value';
import { type EvaluationRule, suggestEvaluation } from './evaluation-rule';
import type { SheetDocument } from './sheet-document';

export interface ReasonIssue {
  /** Path of the reason field in the document: `goals[1].indicators[0].evaluationReason`. */
  path: string;
  message: string;
}

/**
 * Evaluations that differ from the rule's suggestion and carry no reason, each named by its goal
 * and indicator. Nothing overwrites a person's judgement; a different judgement only needs its
 * why — by the time the evaluation is submitted (a draft saves without it).
 */
export function missingEvaluationReasons(document: SheetDocument, rule: EvaluationRule): ReasonIssue[] {
  const issues: ReasonIssue[] = [];
  document.goals.forEach((goal, gi) => {
    goal.indicators.forEach((ind, ii) => {
      if (!ind.evaluation || ind.evaluationReason?.trim()) return;
      const suggestion = suggestEvaluation(
        {
          direction: ind.direction,
          target: { text: ind.target.text, value: parseCell(ind.target.text).value },
          result: { text: ind.result.text, value: parseCell(ind.result.text).value },
          milestoneDone: ind.milestoneDone ?? null,
        },
        rule,
      );
      if (!suggestion || suggestion.evaluation === ind.evaluation) return;
      issues.push({
        path: `goals[${gi}].indicators[${ii}].evaluationReason`,
        message: `目標${gi + 1}「${ind.name}」の評価「${ind.evaluation}」は基準による目安「${suggestion.evaluation}」（${suggestion.basis}）と異なります。理由を入力してください`,
      });
    });
  });
  return issues;
}
