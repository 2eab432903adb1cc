import { useState } from 'react';
import { fieldId } from '../../lib/field-id';
import { HeaderFields, NarrativeFields } from './DocumentFields';
import { type Editor, EditorProvider, useEditor } from './editor-context';
import type { FormDocument } from './form-model';
import { GoalEditor } from './GoalEditor';
import { SheetGrid } from './grid/SheetGrid';
import { AddGoalButton, addGoalId } from './ItemControls';

type View = 'grid' | 'list';
const viewKey = 'mokuhyo.editor-view';

/** The view the user chose last time on this browser: the sheet's table, or the fields one by one. */
function useView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(() => {
    try {
      return window.localStorage.getItem(viewKey) === 'list' ? 'list' : 'grid';
    } catch {
      return 'grid';
    }
  });
  const choose = (next: View) => {
    setView(next);
    try {
      window.localStorage.setItem(viewKey, next);
    } catch {
      // A browser that keeps nothing still switches for this visit.
    }
  };
  return [view, choose];
}

/** 元に戻す / やり直す for the whole form, and the choice of view. */
function EditToolbar({ view, onView }: { view: View; onView: (view: View) => void }) {
  const { dispatch, history } = useEditor();
  const [said, setSaid] = useState('');
  // aria-disabled rather than disabled: the focus stays on a button that has nothing left to do.
  const step = (redo: boolean) => {
    if (redo ? !history.canRedo : !history.canUndo) return;
    dispatch({ type: redo ? 'redo' : 'undo' });
    setSaid(redo ? 'やり直しました。' : '元に戻しました。');
  };
  return (
    <div className="edit-toolbar">
      <fieldset className="edit-toolbar__views">
        <legend className="visually-hidden">編集の表示</legend>
        <button
          type="button"
          className="button button--small button--toggle"
          aria-pressed={view === 'grid'}
          onClick={() => onView('grid')}
        >
          シートの形で編集
        </button>
        <button
          type="button"
          className="button button--small button--toggle"
          aria-pressed={view === 'list'}
          onClick={() => onView('list')}
        >
          項目ごとに編集
        </button>
      </fieldset>
      <div className="edit-toolbar__history">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={!history.canUndo}
          aria-keyshortcuts="Control+Z"
          onClick={() => step(false)}
        >
          元に戻す
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={!history.canRedo}
          aria-keyshortcuts="Control+Y"
          onClick={() => step(true)}
        >
          やり直す
        </button>
        <span role="status" className="visually-hidden">
          {said}
        </span>
      </div>
    </div>
  );
}

/** Ctrl+Z / Ctrl+Y anywhere in the editor but in a text field (which undoes its own typing). */
function useUndoKeys() {
  const { dispatch } = useEditor();
  return (event: React.KeyboardEvent) => {
    const key = event.key.toLowerCase();
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || (key !== 'z' && key !== 'y')) return;
    const target = event.target;
    if (
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement
    )
      return;
    event.preventDefault();
    dispatch({ type: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
  };
}

/**
 * The whole document, in the order of the printed sheet: the goals and indicators in the
 * sheet's own table (or, as the user chooses, field by field), between the header and the two
 * narratives.
 */
export function EditForm({ form, editor, title }: { form: FormDocument; editor: Editor; title: string }) {
  const [view, setView] = useView();
  return (
    <EditorProvider editor={editor}>
      <section className="edit-section" aria-labelledby="edit-header-title">
        <h2 id="edit-header-title">基本情報</h2>
        <HeaderFields form={form} />
      </section>
      <GoalsSection form={form} title={title} view={view} onView={setView} />
      <section className="edit-section" aria-labelledby="edit-narratives-title">
        <h2 id="edit-narratives-title">取り組みと結果</h2>
        <NarrativeFields form={form} />
      </section>
    </EditorProvider>
  );
}

function GoalsSection({
  form,
  title,
  view,
  onView,
}: {
  form: FormDocument;
  title: string;
  view: View;
  onView: (view: View) => void;
}) {
  const onKeyDown = useUndoKeys();
  return (
    <section
      className="edit-section edit-section--goals"
      aria-labelledby="edit-goals-title"
      onKeyDown={onKeyDown}
    >
      <h2 id="edit-goals-title" className="edit-section__title">
        組織目標と指標
      </h2>
      <EditToolbar view={view} onView={onView} />
      {view === 'grid' ? <SheetGrid form={form} title={title} /> : <GoalList form={form} />}
    </section>
  );
}

/** The goals field by field: every control with its label, for those who prefer a form. */
function GoalList({ form }: { form: FormDocument }) {
  const editor = useEditor();
  const goalsError = editor.errors.get('goals');
  return (
    <>
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
      <AddGoalButton count={form.goals.length} />
    </>
  );
}
