import { parseCell } from './cell-value';
import { type EvaluationRule, suggestEvaluation } from './evaluation-rule';
import type { SheetChange } from './sheet-diff';
import type { SheetDocument } from './sheet-document';

export interface ReasonIssue {
  /** Path of the reason field in the document: `goals[1].indicators[0].evaluationReason`. */
  path: string;
  message: string;
}

const judged = /\.(evaluation|result|target|milestoneDone)$/;

/**
 * Whether `missingEvaluationReasons` could find anything: a touched indicator carries an
 * evaluation without a reason (only then is the municipality's rule needed).
 */
export function evaluationsToCheck(document: SheetDocument, changes: SheetChange[]): boolean {
  const touched = new Set(changes.filter((c) => judged.test(c.path)).map((c) => c.path.replace(judged, '')));
  return document.goals.some((goal, gi) =>
    goal.indicators.some(
      (ind, ii) =>
        touched.has(`goals[${gi}].indicators[${ii}]`) && ind.evaluation && !ind.evaluationReason?.trim(),
    ),
  );
}

/**
 * Evaluations touched by these changes that differ from the rule's suggestion and carry no
 * reason. Nothing overwrites a person's judgement; a different judgement only needs its why.
 */
export function missingEvaluationReasons(
  document: SheetDocument,
  changes: SheetChange[],
  rule: EvaluationRule,
): ReasonIssue[] {
  const touched = new Set(changes.filter((c) => judged.test(c.path)).map((c) => c.path.replace(judged, '')));
  const issues: ReasonIssue[] = [];
  document.goals.forEach((goal, gi) => {
    goal.indicators.forEach((ind, ii) => {
      const at = `goals[${gi}].indicators[${ii}]`;
      if (!touched.has(at) || !ind.evaluation || ind.evaluationReason?.trim()) return;
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
        path: `${at}.evaluationReason`,
        message: `評価「${ind.evaluation}」は基準による目安「${suggestion.evaluation}」（${suggestion.basis}）と異なります。理由を入力してください`,
      });
    });
  });
  return issues;
}
