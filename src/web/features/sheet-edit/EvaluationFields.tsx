import { useEditor } from './editor-context';
import { evaluationGuide, evaluationOptions, milestoneOptions, needsMilestone } from './evaluation-guide';
import { SelectField, TextField } from './fields';
import type { FormIndicator } from './form-model';

const resultsLockedHint = '結果と評価は、計画が承認されてから入力します。';

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
  const milestone = needsMilestone(indicator);
  const { guide, differs } = evaluationGuide(indicator, rule, suggestions);
  const reasonPath = `${path}.evaluationReason`;
  const showReason = differs || indicator.evaluationReason !== '' || errors.has(reasonPath);
  const guideText = guide
    ? `基準による目安：${guide.evaluation}（${guide.basis}）${differs ? '。選んだ評価と異なります' : ''}`
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
              ? `評価「${indicator.evaluation}」が基準による目安「${guide.evaluation}」と異なるため、評価を提出するまでに理由を入力してください（途中のまま保存できます）。`
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
