import type { ReactNode } from 'react';

/** What a control needs to be named, described and marked invalid. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

/**
 * A labelled control with its hint, its error (next to it, announced with the field) and an
 * optional live note under it (the number read from a value cell).
 */
export function FormField({
  id,
  label,
  hint,
  error,
  note,
  hintAfter = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  note?: ReactNode;
  /** Put the hint under the control (so that controls in a row stay aligned). */
  hintAfter?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const noteId = note ? `${id}-note` : null;
  const describedBy = [errorId, hintId, noteId].filter((x) => x !== null).join(' ') || undefined;
  const hintElement = hint && (
    <p id={hintId ?? undefined} className="form-field__hint">
      {hint}
    </p>
  );
  return (
    <div className={`form-field${error ? ' form-field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="form-field__label">
        {label}
      </label>
      {!hintAfter && hintElement}
      {error && (
        <p id={errorId ?? undefined} className="form-field__error">
          <span className="visually-hidden">エラー：</span>
          {error}
        </p>
      )}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hintAfter && hintElement}
      {note && (
        <p id={noteId ?? undefined} className="form-field__note">
          {note}
        </p>
      )}
    </div>
  );
}
