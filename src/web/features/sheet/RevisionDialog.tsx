import { type FormEvent, useState } from 'react';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import { issuesFromZod } from '../../../schemas/issues';
import type { SheetIndicator } from '../../../schemas/sheet';
import { proposeRevisionSchema, type SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { FormField } from '../../components/FormField';
import { proposeRevision } from '../../lib/api-sheet-edit';
import { cellHint } from '../../lib/cell-hint';
import { indicatorLabel } from './sheet-text';
import { useSheetAction } from './use-sheet-action';

/** 目標の修正の申請 for one indicator: the new target and the reason, for the head to decide. */
export function RevisionDialog({
  sheet,
  indicator,
  onClose,
}: {
  sheet: SheetView;
  indicator: SheetIndicator | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={indicator !== null} title="目標の修正の申請" onClose={onClose}>
      {indicator && <RevisionForm sheet={sheet} indicator={indicator} onClose={onClose} />}
    </Dialog>
  );
}

type Errors = { to?: string; reason?: string };

function RevisionForm({
  sheet,
  indicator,
  onClose,
}: {
  sheet: SheetView;
  indicator: SheetIndicator;
  onClose: () => void;
}) {
  const [to, setTo] = useState(indicator.target.text ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const { run, busy, problem } = useSheetAction(sheet.id);
  const targetLabel = `${formatFiscalYearShort(sheet.fiscalYear)}目標`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { version: sheet.version, indicatorId: indicator.indicatorId, to: { text: to }, reason };
    const parsed = proposeRevisionSchema.safeParse(input);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of issuesFromZod(parsed.error)) {
        if (issue.path === 'to.text') found.to ??= issue.message;
        if (issue.path === 'reason') found.reason ??= issue.message;
      }
      setErrors(found);
      document.getElementById(found.to ? 'revision-to' : 'revision-reason')?.focus();
      return;
    }
    setErrors({});
    const ok = await run(
      () => proposeRevision(sheet.id, parsed.data),
      '目標の修正を申請しました。所属長の承認を待っています。',
    );
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <dl className="summary-list">
        <dt>指標</dt>
        <dd>{indicatorLabel(indicator.name, indicator.unit)}</dd>
        <dt>{`今の${targetLabel}`}</dt>
        <dd>{indicator.target.text ?? '（なし）'}</dd>
      </dl>
      <FormField
        id="revision-to"
        label={`修正後の${targetLabel}`}
        error={errors.to}
        note={cellHint(to) ?? undefined}
      >
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
      <FormField
        id="revision-reason"
        label="修正の理由"
        hint="シートに修正日とともに記載されます。"
        error={errors.reason}
      >
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
        <div role="alert" className="notice notice--error">
          <p>{problem.message}</p>
          {problem.issues.length > 0 && (
            <ul>
              {problem.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          )}
        </div>
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
