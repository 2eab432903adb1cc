import { useLayoutEffect, useRef } from 'react';
import type { FieldErrors } from '../form-errors';
import type { GridCell as Cell } from './grid-model';
import type { Grid } from './use-grid';

/** A cell's error: its own, or the first of what it holds (主な取組's lines). */
function cellError(errors: FieldErrors, path: string): string | undefined {
  const own = errors.get(path);
  if (own !== undefined) return own;
  for (const [key, message] of errors)
    if (key.startsWith(`${path}[`) || key.startsWith(`${path}.`)) return message;
  return undefined;
}

const sizesItself = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Where the browser cannot size a field to its content, the cell grows with its text all the same. */
function useGrowing(value: string) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (sizesItself || !element || value === undefined) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [value]);
  return ref;
}

/** The id of the note that says why cells are locked (one per reason, in the grid's legend). */
export function lockNoteId(reason: string, reasons: readonly string[]): string {
  return `grid-lock-${reasons.indexOf(reason)}`;
}

/**
 * One cell's control: its text as a spreadsheet cell (selected, or open for editing), or its
 * choice; locked cells read, are reached by the arrows, skipped by Tab, and say why.
 */
export function GridCell({
  cell,
  grid,
  errors,
  lockReasons,
}: {
  cell: Cell;
  grid: Grid;
  errors: FieldErrors;
  lockReasons: readonly string[];
}) {
  const error = grid.refused.get(cell.id) ?? cellError(errors, cell.path);
  const errorId = `${cell.id}-error`;
  const locked = cell.lockedBecause !== null;
  const describedBy =
    [
      error ? errorId : null,
      locked && cell.lockedBecause ? lockNoteId(cell.lockedBecause, lockReasons) : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined;
  const common = {
    id: cell.id,
    'aria-label': cell.label,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    'data-mode': grid.editing === cell.id ? 'edit' : 'select',
    title: cell.lockedBecause ?? undefined,
    onKeyDown: (event: React.KeyboardEvent<HTMLTextAreaElement | HTMLSelectElement>) =>
      grid.onKeyDown(event, cell),
    onFocus: (event: React.FocusEvent<HTMLTextAreaElement | HTMLSelectElement>) => grid.onFocus(event, cell),
    onBlur: () => grid.onBlur(cell),
    onPointerDown: () => grid.onPointerDown(cell),
    onPaste: (event: React.ClipboardEvent<HTMLTextAreaElement | HTMLSelectElement>) =>
      grid.onPaste(event, cell),
  };
  const growing = useGrowing(cell.value);
  const shown = cell.options?.find((option) => option.value === cell.value)?.label ?? cell.value;
  return (
    <>
      {cell.joined && (
        <span className="grid-cell__caption" aria-hidden="true">
          {cell.label.replace(/^目標\d+ 指標\d+ /, '')}
        </span>
      )}
      {cell.kind === 'choice' && !locked ? (
        <select
          {...common}
          className="grid-cell grid-cell--choice"
          value={cell.value}
          onChange={(event) => grid.change(cell, event.target.value)}
        >
          {cell.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <textarea
          {...common}
          ref={growing}
          className={`grid-cell${locked ? ' grid-cell--locked' : ''}${cell.kind === 'lines' ? '' : ' grid-cell--line'}`}
          rows={1}
          readOnly={locked}
          // Locked cells are read with the arrows; Tab goes on to the next cell that can change.
          tabIndex={locked ? -1 : undefined}
          value={locked && cell.kind === 'choice' ? shown : cell.value}
          onChange={(event) => grid.change(cell, event.target.value)}
        />
      )}
      {error && (
        <span id={errorId} className="grid-cell__error">
          {error}
        </span>
      )}
    </>
  );
}
