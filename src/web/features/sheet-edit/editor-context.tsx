import { createContext, type Dispatch, type ReactNode, useContext } from 'react';
import type { EvaluationRule } from '../../../domain/evaluation-rule';
import type { EditablePart } from '../../../domain/sheet-lifecycle';
import type { SheetIndicator } from '../../../schemas/sheet';
import type { FieldErrors } from './form-errors';
import type { HistoryAction } from './form-history';

/** What every part of the edit form needs: the dispatcher, the errors, what may change now. */
export type Suggestion = NonNullable<SheetIndicator['suggestion']> & { savedResult: string | null };

export interface Editor {
  dispatch: Dispatch<HistoryAction>;
  errors: FieldErrors;
  fiscalYear: number;
  parts: ReadonlySet<EditablePart>;
  /** What the city's rule suggests for an indicator's saved values (from the API), by indicatorId. */
  suggestions: ReadonlyMap<string, Suggestion>;
  /** The municipality's rule, to suggest from what is typed now; null until it is read. */
  rule: EvaluationRule | null;
  /** Whether there is a change to undo, and one to redo, in this session. */
  history: { canUndo: boolean; canRedo: boolean };
  /** Check these paths from now on as they change (cells typed or pasted into), before any save. */
  touch: (paths: readonly string[]) => void;
  /** Ask for focus on an element (by id) once the next render is on the page. */
  focusAfterRender: (ids: string[]) => void;
}

const EditorContext = createContext<Editor | null>(null);

export function EditorProvider({ editor, children }: { editor: Editor; children: ReactNode }) {
  return <EditorContext value={editor}>{children}</EditorContext>;
}

export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside EditorProvider');
  return editor;
}
