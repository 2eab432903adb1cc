import type { FormDocument } from './form-model';
import { type FormAction, formReducer } from './form-reducer';

/**
 * The edit form's document with what can be undone and redone in this session. Changes that
 * carry the same `step` (the keystrokes of one cell's edit) are one step; 'reset' (the sheet
 * as saved, or as it is now on the server) starts the session again.
 */
export interface FormHistory {
  present: FormDocument;
  past: FormDocument[];
  future: FormDocument[];
  /** The step the present state belongs to, while changes keep joining it. */
  step: string | null;
}

export type HistoryAction =
  | (FormAction & { step?: string })
  | { type: 'undo' }
  | { type: 'redo' }
  /** Take back a step that is still the last one (a cell's edit closed with Escape), leaving no trace. */
  | { type: 'abandon'; step: string };

/** Enough for a morning's work; the oldest steps are forgotten first. */
const depth = 200;

export function startHistory(form: FormDocument): FormHistory {
  return { present: form, past: [], future: [], step: null };
}

export function historyReducer(history: FormHistory, action: HistoryAction): FormHistory {
  switch (action.type) {
    case 'undo': {
      const previous = history.past.at(-1);
      if (previous === undefined) return history;
      return {
        present: previous,
        past: history.past.slice(0, -1),
        future: [history.present, ...history.future],
        step: null,
      };
    }
    case 'redo': {
      const [next, ...future] = history.future;
      if (next === undefined) return history;
      return { present: next, past: [...history.past, history.present], future, step: null };
    }
    case 'abandon': {
      const previous = history.past.at(-1);
      if (history.step !== action.step || previous === undefined) return history;
      return { ...history, present: previous, past: history.past.slice(0, -1), step: null };
    }
    case 'reset':
      return startHistory(action.form);
    default: {
      const present = formReducer(history.present, action);
      if (present === history.present) return history;
      const step = action.step ?? null;
      if (step !== null && step === history.step) return { ...history, present, future: [] };
      return { present, past: [...history.past, history.present].slice(-depth), future: [], step };
    }
  }
}
