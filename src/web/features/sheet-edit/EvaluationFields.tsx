import { parseCell } from '../../../domain/cell-value';
import { evaluations } from '../../../domain/evaluation';
import { type EvaluationRule, suggestEvaluation } from '../../../domain/evaluation-rule';
import { type Editor, useEditor } from './editor-context';
import { SelectField, TextField } from './fields';
import type { FormIndicator } from './form-model';

const evaluationOptions = [
  { value: '', label: '未選択' },
  ...evaluations.map((e) => ({ value: e, label: e })),
];
const milestoneOptions = [
  { value: '', label: '未選択' },
  { value: 'done', label: '実施済み' },
  { value: 'notDone', label: '未実施' },
];
const resultsLockedHint = '結果と評価は、計画が承認されてから入力します。';

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

/**
 * 評価 and what goes with it: the rule's suggestion (目安) for the values typed now, the reason
 * when the judgement differs from it, and 実施済み/未実施 for a target or result without a number. The
 * suggestion never changes the judgement. A draft saves without the reason; the submission of
 * the evaluation asks for it, and its error links back to this field.
 */
export function EvaluationFields({
  indicator,
  path,
  set,
}: {
  indicator: FormIndicator;
  path: string;
  set: (field: 'evaluation' | 'evaluationReason' | 'milestoneDone') => (value: string) => void;
}) {
  const { parts, suggestions, rule, errors } = useEditor();
  const lockedHint = parts.has('plan') ? resultsLockedHint : undefined;
  // Without two numbers to compare, a person says whether it was done (実施済み/未実施).
  const milestone =
    parseCell(indicator.target).kind !== 'number' ||
    parseCell(indicator.result).kind === 'milestone' ||
    indicator.milestoneDone !== '';
  const guide = rule ? liveGuide(indicator, rule) : savedGuide(indicator, suggestions);
  const differs = guide !== null && indicator.evaluation !== '' && indicator.evaluation !== guide.evaluation;
  const reasonPath = `${path}.evaluationReason`;
  const showReason = differs || indicator.evaluationReason !== '' || errors.has(reasonPath);
  const guideText = guide
    ? `基準による目安: ${guide.evaluation}（${guide.basis}）${differs ? '。選んだ評価と異なります' : ''}`
    : undefined;
  return (
    <div className="field-grid field-grid--evaluation">
      <SelectField
        path={`${path}.evaluation`}
        label="評価"
        part="results"
        options={evaluationOptions}
        hint={guideText}
        lockedHint={lockedHint}
        className={differs ? 'form-field--differs' : undefined}
        value={indicator.evaluation}
        onChange={set('evaluation')}
      />
      {showReason && (
        <TextField
          path={reasonPath}
          label={
            <>
              評価の理由
              {differs && <span className="required-tag">評価の提出までに必須</span>}
            </>
          }
          hint={
            differs && guide
              ? `評価「${indicator.evaluation}」が基準による目安「${guide.evaluation}」と異なるため、評価を提出するまでに理由を記入してください（途中のまま保存できます）。`
              : '基準による目安と異なる評価をした理由'
          }
          part="results"
          multiline
          rows={2}
          lockedHint={lockedHint}
          value={indicator.evaluationReason}
          onChange={set('evaluationReason')}
        />
      )}
      {milestone && (
        <SelectField
          path={`${path}.milestoneDone`}
          label="実施状況（数値のない目標・結果）"
          part="results"
          options={milestoneOptions}
          lockedHint={lockedHint}
          value={indicator.milestoneDone}
          onChange={set('milestoneDone')}
        />
      )}
    </div>
  );
}
