import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  useCallback,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useEditor } from '../editor-context';
import { evaluationGuide } from '../evaluation-guide';
import type { FormDocument } from '../form-model';
import { buildGrid, type GridCell, type GridLayout, type Move, neighbour } from './grid-model';
import { pasteBlock } from './grid-paste';
import { parseTsv } from './tsv';

type Control = HTMLTextAreaElement | HTMLSelectElement;

const arrows: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** Keys that write a character (not Ctrl/⌘ shortcuts); 'Process' is a key given to the IME. */
function writesText(event: KeyboardEvent): boolean {
  return (
    (event.key.length === 1 || event.key === 'Process') && !event.ctrlKey && !event.metaKey && !event.altKey
  );
}

export interface Grid {
  layout: GridLayout;
  /** The cell being edited (its text open like a spreadsheet cell after Enter or a click). */
  editing: string | null;
  /** Refusals of the last paste, by cell id, until the cell is written again. */
  refused: ReadonlyMap<string, string>;
  /** What the grid last said (a paste's outcome, why a cell is locked), read by screen readers. */
  said: string;
  change: (cell: GridCell, value: string) => void;
  onKeyDown: (event: KeyboardEvent<Control>, cell: GridCell) => void;
  onFocus: (event: FocusEvent<Control>, cell: GridCell) => void;
  onBlur: (cell: GridCell) => void;
  onPointerDown: (cell: GridCell) => void;
  onPaste: (event: ClipboardEvent<Control>, cell: GridCell) => void;
}

/**
 * The sheet grid's behaviour, as in a spreadsheet: a cell reached by the keyboard is selected
 * (typing replaces it, Enter or F2 opens it, arrows move on); an open cell takes the arrows
 * for its text, Enter closes it and moves down, Escape closes it as it was. Tab moves through
 * the cells that can change. Each cell's edit is one undo step, and a pasted block another.
 */
export function useGrid(form: FormDocument): Grid {
  const editor = useEditor();
  const { dispatch, errors, parts, fiscalYear, rule, suggestions, touch } = editor;
  const layout = useMemo(
    () =>
      buildGrid({
        form,
        fiscalYear,
        parts,
        showReason: (indicator, path) =>
          evaluationGuide(indicator, rule, suggestions).differs ||
          indicator.evaluationReason !== '' ||
          errors.has(`${path}.evaluationReason`),
      }),
    [form, fiscalYear, parts, rule, suggestions, errors],
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [refused, setRefused] = useState<ReadonlyMap<string, string>>(new Map());
  const [said, setSaid] = useState('');
  const original = useRef<{ id: string; value: string; step: string } | null>(null);
  const pointer = useRef(false);
  const steps = useRef(0);
  const nextStep = () => {
    steps.current += 1;
    return `cell-${steps.current}`;
  };

  const clearRefusal = useCallback((id: string) => {
    setRefused((current) => {
      if (!current.has(id)) return current;
      const next = new Map(current);
      next.delete(id);
      return next;
    });
  }, []);

  /** Open a cell for editing; its keystrokes until it closes are one undo step. */
  const open = (cell: GridCell) => {
    original.current = { id: cell.id, value: cell.value, step: nextStep() };
    setEditing(cell.id);
  };

  const select = (id: string) => {
    const element = document.getElementById(id);
    if (element instanceof HTMLTextAreaElement) element.select();
  };

  const go = (cell: GridCell) => {
    setEditing(null);
    document.getElementById(cell.id)?.focus();
  };

  const write = (cell: GridCell, text: string, step: string) => {
    const written = cell.write(text);
    if ('error' in written) {
      setSaid(`${cell.label}：${written.error}`);
      setRefused((current) => new Map(current).set(cell.id, written.error));
      return;
    }
    clearRefusal(cell.id);
    touch([cell.path]);
    dispatch({ type: 'batch', actions: written.actions, step });
  };

  const change = (cell: GridCell, value: string) => {
    if (cell.lockedBecause !== null) return;
    // A choice is made at once: one step each, and the arrows go on moving between cells.
    if (cell.kind === 'choice') {
      write(cell, value, nextStep());
      return;
    }
    // Typing into a selected cell replaces it and opens it.
    if (editing !== cell.id) open(cell);
    const step = original.current?.id === cell.id ? original.current.step : nextStep();
    write(cell, cell.kind === 'lines' ? value : value.replace(/\r?\n/g, ''), step);
  };

  const undo = (redo: boolean, cell: GridCell) => {
    dispatch({ type: redo ? 'redo' : 'undo' });
    setEditing(null);
    // What a paste refused belongs to the paste: it goes with the step.
    setRefused(new Map());
    setSaid(redo ? 'やり直しました。' : '元に戻しました。');
    // The cell stays selected: typing replaces it again.
    requestAnimationFrame(() => select(cell.id));
  };

  const onKeyDown = (event: KeyboardEvent<Control>, cell: GridCell) => {
    if (event.nativeEvent.isComposing) return;
    const isOpen = editing === cell.id;
    const shortcut = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    if (shortcut && (key === 'z' || key === 'y')) {
      event.preventDefault();
      undo(key === 'y' || event.shiftKey, cell);
      return;
    }
    if (cell.lockedBecause !== null) {
      if (writesText(event) || event.key === 'Enter' || event.key === 'Delete' || event.key === 'Backspace')
        setSaid(`${cell.label}は編集できません。${cell.lockedBecause}`);
    }
    const move = arrows[event.key];
    if (move && !isOpen && !event.altKey && !shortcut && !event.shiftKey) {
      event.preventDefault();
      const next = neighbour(layout, cell, move);
      if (next) go(next);
      return;
    }
    if (cell.kind === 'choice') {
      // A choice opens its list with Enter, as its picker would with Alt+↓.
      if (event.key === 'Enter' && event.currentTarget instanceof HTMLSelectElement) {
        event.preventDefault();
        event.currentTarget.showPicker?.();
      }
      return;
    }
    if (event.key === 'Escape' && isOpen) {
      event.preventDefault();
      const before = original.current;
      // Closed as it was: the edit's step goes, leaving nothing to undo.
      if (before?.id === cell.id && before.value !== cell.value)
        dispatch({ type: 'abandon', step: before.step });
      setEditing(null);
      select(cell.id);
      return;
    }
    if (event.key === 'Enter') {
      if (isOpen && cell.kind === 'lines' && (event.altKey || event.shiftKey)) {
        // A new line inside the cell, as Alt+Enter in a spreadsheet.
        event.preventDefault();
        const target = event.currentTarget as HTMLTextAreaElement;
        const { selectionStart, selectionEnd, value } = target;
        change(cell, `${value.slice(0, selectionStart)}\n${value.slice(selectionEnd)}`);
        requestAnimationFrame(() => target.setSelectionRange(selectionStart + 1, selectionStart + 1));
        return;
      }
      event.preventDefault();
      if (!isOpen) {
        if (cell.lockedBecause === null) {
          open(cell);
          const target = event.currentTarget as HTMLTextAreaElement;
          target.setSelectionRange(target.value.length, target.value.length);
        }
        return;
      }
      const below = neighbour(layout, cell, 'down');
      if (below) go(below);
      else {
        setEditing(null);
        select(cell.id);
      }
      return;
    }
    if (event.key === 'F2' && !isOpen && cell.lockedBecause === null) {
      event.preventDefault();
      open(cell);
      const target = event.currentTarget as HTMLTextAreaElement;
      target.setSelectionRange(target.value.length, target.value.length);
    }
  };

  const onFocus = (event: FocusEvent<Control>, cell: GridCell) => {
    if (pointer.current && cell.lockedBecause === null && cell.kind !== 'choice') {
      // A click opens the cell where it was clicked.
      pointer.current = false;
      open(cell);
      return;
    }
    pointer.current = false;
    if (event.currentTarget instanceof HTMLTextAreaElement) event.currentTarget.select();
  };

  const onPointerDown = (cell: GridCell) => {
    pointer.current = true;
    // A second click on a selected cell opens it.
    if (editing !== cell.id && document.activeElement?.id === cell.id && cell.lockedBecause === null)
      open(cell);
  };

  const onBlur = (cell: GridCell) => {
    if (editing === cell.id) setEditing(null);
  };

  const onPaste = (event: ClipboardEvent<Control>, cell: GridCell) => {
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    event.preventDefault();
    const [first] = block;
    if (first === undefined) return;
    const value = first[0] ?? '';
    if (block.length === 1 && first.length === 1) {
      const target = event.currentTarget;
      if (editing === cell.id && target instanceof HTMLTextAreaElement) {
        // One value into an open cell goes in at the caret, as the spreadsheet's cell holds it.
        const { selectionStart, selectionEnd } = target;
        change(cell, `${target.value.slice(0, selectionStart)}${value}${target.value.slice(selectionEnd)}`);
        const caret = selectionStart + value.length;
        requestAnimationFrame(() => target.setSelectionRange(caret, caret));
        return;
      }
      write(cell, value, nextStep());
      setEditing(null);
      select(cell.id);
      return;
    }
    const outcome = pasteBlock(layout, cell, block);
    if (outcome.refusedBlock !== null) {
      setSaid(outcome.refusedBlock);
      return;
    }
    for (const id of outcome.refused.keys()) clearRefusal(id);
    setRefused((current) => {
      const next = new Map(current);
      for (const path of outcome.written) {
        const written = layout.cells.find((c) => c.path === path);
        if (written) next.delete(written.id);
      }
      for (const [id, reason] of outcome.refused) next.set(id, reason);
      return next;
    });
    if (outcome.actions.length > 0) {
      touch(outcome.written);
      dispatch({ type: 'batch', actions: outcome.actions, step: nextStep() });
    }
    const parts = [`${outcome.written.length}件の欄に貼り付けました。`];
    if (outcome.refused.size > 0)
      parts.push(
        `${outcome.refused.size}件の欄は貼り付けられませんでした（理由はそれぞれの欄に表示しています）。`,
      );
    if (outcome.outside > 0) parts.push(`${outcome.outside}件の値は表の外にあたるため、貼り付けていません。`);
    setSaid(parts.join(''));
    setEditing(null);
    select(cell.id);
  };

  return { layout, editing, refused, said, change, onKeyDown, onFocus, onBlur, onPointerDown, onPaste };
}
