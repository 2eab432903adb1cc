import { parseCell } from '../../../domain/cell-value';
import { evaluations } from '../../../domain/evaluation';
import { useEditor } from './editor-context';
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

/** The rule's suggestion for the saved values, said as a hint next to 評価. */
function suggestionHint(indicator: FormIndicator, suggestions: ReturnType<typeof useEditor>['suggestions']) {
  const suggestion = indicator.indicatorId ? suggestions.get(indicator.indicatorId) : undefined;
  if (!suggestion) return undefined;
  const stale = (suggestion.savedResult ?? '') !== indicator.result;
  return `基準による目安: ${suggestion.evaluation}（${suggestion.basis}）${stale ? '。保存した結果による目安です。保存すると入力した結果で計算し直します' : ''}`;
}

/**
 * 評価 and what goes with it: the rule's suggestion (as the API computed it), the reason when
 * the judgement differs, and 実施済み/未実施 for a target without a number. The server decides
 * whether a reason is needed and says so next to the reason field.
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
  const { parts, suggestions } = useEditor();
  const lockedHint = parts.has('plan') ? resultsLockedHint : undefined;
  const milestone = parseCell(indicator.target).kind !== 'number' || indicator.milestoneDone !== '';
  return (
    <div className="field-grid field-grid--evaluation">
      <SelectField
        path={`${path}.evaluation`}
        label="評価"
        part="results"
        options={evaluationOptions}
        hint={suggestionHint(indicator, suggestions)}
        lockedHint={lockedHint}
        value={indicator.evaluation}
        onChange={set('evaluation')}
      />
      <TextField
        path={`${path}.evaluationReason`}
        label="評価の理由（基準による目安と異なる評価をするとき）"
        part="results"
        multiline
        rows={2}
        lockedHint={lockedHint}
        value={indicator.evaluationReason}
        onChange={set('evaluationReason')}
      />
      {milestone && (
        <SelectField
          path={`${path}.milestoneDone`}
          label="実施状況（数値のない目標）"
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
