import { fieldId } from '../../lib/field-id';
import { useEditor } from './editor-context';
import { TextField } from './fields';
import type { FormGoal } from './form-model';
import { IndicatorEditor } from './IndicatorEditor';
import { InitiativesEditor } from './InitiativesEditor';
import { ItemControls } from './ItemControls';

/** One goal (目標N): 部区, the goal, its 主な取組 and its indicators. */
export function GoalEditor({
  goal,
  index,
  count,
  afterRemove,
}: {
  goal: FormGoal;
  index: number;
  count: number;
  afterRemove: string[];
}) {
  const { dispatch, errors, fiscalYear, parts, focusAfterRender } = useEditor();
  const editable = parts.has('plan');
  const path = `goals[${index}]`;
  const addIndicatorId = `${goal.key}-add-indicator`;
  const indicatorsError = errors.get(`${path}.indicators`);
  return (
    <fieldset className="goal-editor" id={fieldId(path)} tabIndex={-1}>
      <legend className="goal-editor__legend">{`目標${index + 1}`}</legend>
      {editable && (
        <ItemControls
          list={{ list: 'goals' }}
          index={index}
          count={count}
          itemKey={goal.key}
          itemLabel={`目標${index + 1}`}
          afterRemove={afterRemove}
        />
      )}
      <div className="field-grid field-grid--goal">
        <TextField
          path={`${path}.parentNo`}
          label="部区"
          hint="整合する部区の目標番号"
          part="plan"
          inputMode="numeric"
          className="form-field--narrow"
          value={goal.parentNo}
          onChange={(value) => dispatch({ type: 'goal', goal: index, field: 'parentNo', value })}
        />
        <TextField
          path={`${path}.text`}
          label="組織目標"
          part="plan"
          multiline
          value={goal.text}
          onChange={(value) => dispatch({ type: 'goal', goal: index, field: 'text', value })}
        />
      </div>
      <InitiativesEditor goal={goal} goalIndex={index} />
      <div className="goal-editor__indicators" id={fieldId(`${path}.indicators`)} tabIndex={-1}>
        {indicatorsError && <p className="form-field__error">{indicatorsError}</p>}
        {goal.indicators.length === 0 && <p className="muted">指標はまだありません。</p>}
        {goal.indicators.map((indicator, i) => (
          <IndicatorEditor
            key={indicator.key}
            indicator={indicator}
            goalIndex={index}
            index={i}
            count={goal.indicators.length}
            afterRemove={[addIndicatorId]}
          />
        ))}
      </div>
      {editable && (
        <button
          id={addIndicatorId}
          type="button"
          className="button button--secondary button--small"
          aria-label={`目標${index + 1}に指標を追加`}
          onClick={() => {
            dispatch({ type: 'add', to: { list: 'indicators', goal: index }, fiscalYear });
            focusAfterRender([fieldId(`${path}.indicators[${goal.indicators.length}].name`)]);
          }}
        >
          指標を追加
        </button>
      )}
    </fieldset>
  );
}
