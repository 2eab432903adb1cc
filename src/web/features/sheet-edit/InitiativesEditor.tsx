import { fieldId } from '../../lib/field-id';
import { useEditor } from './editor-context';
import type { FormGoal } from './form-model';
import { ItemControls } from './ItemControls';

/** 主な取組（事業）: one line per initiative, in order, each movable and removable. */
export function InitiativesEditor({ goal, goalIndex }: { goal: FormGoal; goalIndex: number }) {
  const { dispatch, errors, fiscalYear, parts, focusAfterRender } = useEditor();
  const editable = parts.has('plan');
  const list = { list: 'initiatives', goal: goalIndex } as const;
  const addId = `${goal.key}-add-initiative`;
  const listPath = `goals[${goalIndex}].initiatives`;
  const listError = errors.get(listPath);
  return (
    <fieldset className="initiatives-editor" id={fieldId(listPath)} tabIndex={-1}>
      <legend>主な取組（事業）</legend>
      {listError && <p className="form-field__error">{listError}</p>}
      {goal.initiatives.length === 0 && <p className="muted">主な取組はまだありません。</p>}
      <ol className="initiatives-editor__list">
        {goal.initiatives.map((initiative, index) => {
          const path = `${listPath}[${index}]`;
          const id = fieldId(path);
          const error = errors.get(path);
          const label = `目標${goalIndex + 1}の主な取組${index + 1}`;
          return (
            <li
              key={initiative.key}
              className={error ? 'initiative-row form-field--error' : 'initiative-row'}
            >
              <label htmlFor={id} className="visually-hidden">
                {label}
              </label>
              <div className="initiative-row__input">
                {error && (
                  <p id={`${id}-error`} className="form-field__error">
                    <span className="visually-hidden">エラー：</span>
                    {error}
                  </p>
                )}
                <input
                  id={id}
                  className="input"
                  type="text"
                  readOnly={!editable}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  value={initiative.text}
                  onChange={(event) =>
                    dispatch({ type: 'initiative', goal: goalIndex, index, value: event.target.value })
                  }
                />
              </div>
              {editable && (
                <ItemControls
                  list={list}
                  index={index}
                  count={goal.initiatives.length}
                  itemKey={initiative.key}
                  itemLabel={label}
                  afterRemove={[addId]}
                />
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <button
          id={addId}
          type="button"
          className="button button--secondary button--small"
          aria-label={`目標${goalIndex + 1}に取組を追加`}
          onClick={() => {
            dispatch({ type: 'add', to: list, fiscalYear });
            focusAfterRender([fieldId(`${listPath}[${goal.initiatives.length}]`)]);
          }}
        >
          取組を追加
        </button>
      )}
    </fieldset>
  );
}
