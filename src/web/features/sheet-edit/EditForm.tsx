import { fieldId } from '../../lib/field-id';
import { HeaderFields, NarrativeFields } from './DocumentFields';
import { type Editor, EditorProvider } from './editor-context';
import type { FormDocument } from './form-model';
import { GoalEditor } from './GoalEditor';

const addGoalId = 'add-goal';

/** The whole document as a form, in the order of the printed sheet. */
export function EditForm({ form, editor }: { form: FormDocument; editor: Editor }) {
  const editable = editor.parts.has('plan');
  const goalsError = editor.errors.get('goals');
  return (
    <EditorProvider editor={editor}>
      <section className="edit-section" aria-labelledby="edit-header-title">
        <h2 id="edit-header-title">基本情報</h2>
        <HeaderFields form={form} />
      </section>
      <section className="edit-section" aria-labelledby="edit-goals-title">
        <h2 id="edit-goals-title" className="edit-section__title">
          組織目標と指標
        </h2>
        <div id={fieldId('goals')} tabIndex={-1}>
          {goalsError && <p className="form-field__error">{goalsError}</p>}
          {form.goals.length === 0 && <p className="muted">組織目標はまだありません。</p>}
          {form.goals.map((goal, index) => (
            <GoalEditor
              key={goal.key}
              goal={goal}
              index={index}
              count={form.goals.length}
              afterRemove={[addGoalId]}
            />
          ))}
        </div>
        {editable && (
          <button
            id={addGoalId}
            type="button"
            className="button button--secondary"
            onClick={() => {
              editor.dispatch({ type: 'add', to: { list: 'goals' }, fiscalYear: editor.fiscalYear });
              editor.focusAfterRender([fieldId(`goals[${form.goals.length}].parentNo`)]);
            }}
          >
            目標を追加
          </button>
        )}
      </section>
      <section className="edit-section" aria-labelledby="edit-narratives-title">
        <h2 id="edit-narratives-title">取り組みと結果</h2>
        <NarrativeFields form={form} />
      </section>
    </EditorProvider>
  );
}
