import type { ReactNode } from 'react';
import { isPartLocked, type SheetPart } from '../../../domain/sheet-lifecycle';
import { FormField } from '../../components/FormField';
import { cellHint } from '../../lib/cell-hint';
import { fieldId } from '../../lib/field-id';
import { useEditor } from './editor-context';

type Common = {
  /** The document path, which names the control and finds its error. */
  path: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The part of the sheet the field belongs to; locked when the state does not allow it. */
  part: SheetPart;
  hint?: string;
  lockedHint?: string;
  className?: string;
};

function useLocked(part: SheetPart): boolean {
  return isPartLocked(part, useEditor().parts);
}

/** A one-line or multi-line text of the document, with its error next to it. */
export function TextField({
  multiline = false,
  rows = 3,
  valueCell = false,
  inputMode,
  required = false,
  ...field
}: Common & {
  multiline?: boolean;
  rows?: number;
  /** Marked as needed now (the server decides whether it really is). */
  required?: boolean;
  /** A 実績/目標/結果 cell: show the number the server will read from it. */
  valueCell?: boolean;
  inputMode?: 'numeric' | 'tel';
}) {
  const { errors } = useEditor();
  const locked = useLocked(field.part);
  const hint = locked ? field.lockedHint : field.hint;
  return (
    <FormField
      id={fieldId(field.path)}
      label={field.label}
      hint={hint}
      error={errors.get(field.path)}
      hintAfter={valueCell || locked}
      note={valueCell && !locked ? (cellHint(field.value) ?? undefined) : undefined}
      className={field.className}
    >
      {(control) =>
        // A 実績/目標/結果 cell may hold a sentence (「5,630人（入館者：5,201人、…）」) or lines:
        // it grows with what it holds instead of cutting it off.
        multiline || valueCell ? (
          <textarea
            {...control}
            aria-required={required || undefined}
            className={valueCell ? 'textarea textarea--value' : 'textarea'}
            rows={valueCell ? 1 : rows}
            inputMode={inputMode}
            readOnly={locked}
            value={field.value}
            onChange={(event) => field.onChange(event.target.value)}
          />
        ) : (
          <input
            {...control}
            aria-required={required || undefined}
            className="input"
            type="text"
            inputMode={inputMode}
            readOnly={locked}
            value={field.value}
            onChange={(event) => field.onChange(event.target.value)}
          />
        )
      }
    </FormField>
  );
}

/** A choice among fixed options (方向, 評価). A locked select is disabled: it cannot be read-only. */
export function SelectField({
  options,
  ...field
}: Common & { options: readonly { value: string; label: string }[] }) {
  const { errors } = useEditor();
  const locked = useLocked(field.part);
  return (
    <FormField
      id={fieldId(field.path)}
      label={field.label}
      hint={locked ? field.lockedHint : field.hint}
      hintAfter
      error={errors.get(field.path)}
      className={field.className}
    >
      {(control) => (
        <select
          {...control}
          className="select"
          disabled={locked}
          value={field.value}
          onChange={(event) => field.onChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
