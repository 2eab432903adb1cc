import { type FormEvent, type ReactNode, useState } from 'react';
import { issuesFromZod } from '../../../schemas/issues';
import type { SheetView } from '../../../schemas/sheet-edit';
import type { z } from '../../../schemas/zod';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormField } from '../../components/FormField';
import { cellHint } from '../../lib/cell-hint';
import { useSheetAction } from './use-sheet-action';

/**
 * A proposal someone else decides (目標の修正, 実績の訂正): the new value and the reason, checked
 * with the payload's own schema before it is sent, with the API's answer shown in place.
 */
export function ProposalForm<T>({
  sheetId,
  idPrefix,
  summary,
  valueLabel,
  initialValue,
  reasonLabel,
  reasonHint,
  parse,
  propose,
  done,
  onClose,
}: {
  sheetId: string;
  /** Prefix of the controls' ids: `${idPrefix}-to`, `${idPrefix}-reason`. */
  idPrefix: string;
  summary: ReactNode;
  valueLabel: string;
  initialValue: string;
  reasonLabel: string;
  reasonHint: string;
  parse: (to: string, reason: string) => z.ZodSafeParseResult<T>;
  propose: (input: T) => Promise<SheetView>;
  done: string;
  onClose: () => void;
}) {
  const [to, setTo] = useState(initialValue);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ to?: string; reason?: string }>({});
  const { run, busy, problem } = useSheetAction(sheetId);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parse(to, reason);
    if (!parsed.success) {
      const found: { to?: string; reason?: string } = {};
      for (const issue of issuesFromZod(parsed.error)) {
        if (issue.path === 'to.text') found.to ??= issue.message;
        if (issue.path === 'reason') found.reason ??= issue.message;
      }
      setErrors(found);
      document.getElementById(found.to ? `${idPrefix}-to` : `${idPrefix}-reason`)?.focus();
      return;
    }
    setErrors({});
    if (await run(() => propose(parsed.data), done)) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      {summary}
      <FormField id={`${idPrefix}-to`} label={valueLabel} error={errors.to} note={cellHint(to) ?? undefined}>
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            data-autofocus
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        )}
      </FormField>
      <FormField id={`${idPrefix}-reason`} label={reasonLabel} hint={reasonHint} error={errors.reason}>
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </FormField>
      {problem && (
        <ErrorSummary message={problem.message} items={problem.issues.map(({ message }) => ({ message }))} />
      )}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onClose}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? '申請しています…' : '申請する'}
        </button>
      </div>
    </form>
  );
}
