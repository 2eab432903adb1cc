import { directionLabels, directions } from '../../../domain/evaluation';
import { sheetColumnLabels } from '../../../domain/fiscal-year';
import { fieldId } from '../../lib/field-id';
import { EvaluationFields } from './EvaluationFields';
import { useEditor } from './editor-context';
import { SelectField, TextField } from './fields';
import type { FormIndicator } from './form-model';
import { ItemControls } from './ItemControls';

const directionOptions = directions.map((d) => ({ value: d, label: directionLabels[d] }));

const targetLockedHint = '承認後の目標は、シートの画面の「目標の修正」から理由を添えて変更します。';
const planLockedHint = '計画の項目は下書きの間だけ変更できます。';
const resultsLockedHint = '結果と評価は、計画が承認されてから入力します。';

/** One indicator of a goal: what is measured, its history, target, result and evaluation. */
export function IndicatorEditor({
  indicator,
  goalIndex,
  index,
  count,
  afterRemove,
}: {
  indicator: FormIndicator;
  goalIndex: number;
  index: number;
  count: number;
  afterRemove: string[];
}) {
  const { dispatch, fiscalYear, parts } = useEditor();
  const columns = sheetColumnLabels(fiscalYear);
  const path = `goals[${goalIndex}].indicators[${index}]`;
  const label = `目標${goalIndex + 1}の指標${index + 1}`;
  const set = (field: Exclude<keyof FormIndicator, 'key' | 'indicatorId' | 'actuals'>) => (value: string) =>
    dispatch({ type: 'indicator', goal: goalIndex, index, field, value });
  return (
    <fieldset className="indicator-editor" id={fieldId(path)} tabIndex={-1}>
      <legend>{`指標${index + 1}${indicator.name ? `「${indicator.name}」` : ''}`}</legend>
      {parts.has('plan') && (
        <ItemControls
          list={{ list: 'indicators', goal: goalIndex }}
          index={index}
          count={count}
          itemKey={indicator.key}
          itemLabel={label}
          afterRemove={afterRemove}
        />
      )}
      <div className="field-grid field-grid--name">
        <TextField
          path={`${path}.name`}
          label="項目"
          part="plan"
          value={indicator.name}
          onChange={set('name')}
        />
        <TextField
          path={`${path}.unit`}
          label="単位"
          part="plan"
          hint="例：人、回、％"
          value={indicator.unit}
          onChange={set('unit')}
        />
        <SelectField
          path={`${path}.direction`}
          label="方向"
          part="plan"
          options={directionOptions}
          value={indicator.direction}
          onChange={set('direction')}
        />
      </div>
      <div className="field-grid field-grid--values">
        <div className="readonly-values">
          <dl className="readonly-values__list">
            {indicator.actuals.map((actual, a) => (
              <div key={actual.fiscalYear}>
                <dt>{columns.actuals[a]?.label ?? '実績'}</dt>
                <dd>{actual.text === '' ? '（なし）' : actual.text}</dd>
              </div>
            ))}
          </dl>
          <p className="form-field__hint">
            過年度の実績は、その年度の記録から表示しています。誤りはシートの画面の「訂正」から申請してください。
          </p>
        </div>
        <TextField
          path={`${path}.target.text`}
          label={columns.target}
          part="plan"
          valueCell
          lockedHint={parts.has('results') ? targetLockedHint : undefined}
          value={indicator.target}
          onChange={set('target')}
        />
        <TextField
          path={`${path}.result.text`}
          label={columns.result}
          part="results"
          valueCell
          value={indicator.result}
          onChange={set('result')}
        />
      </div>
      <div className="field-grid field-grid--narratives">
        <TextField
          path={`${path}.note`}
          label="補足・参考指標"
          part="any"
          multiline
          value={indicator.note}
          onChange={set('note')}
        />
        <TextField
          path={`${path}.achievement`}
          label="目標達成状況"
          part="results"
          multiline
          lockedHint={parts.has('plan') ? resultsLockedHint : undefined}
          value={indicator.achievement}
          onChange={set('achievement')}
        />
      </div>
      <EvaluationFields indicator={indicator} path={path} set={set} />
      {!parts.has('plan') && <p className="form-field__hint">{planLockedHint}</p>}
    </fieldset>
  );
}
