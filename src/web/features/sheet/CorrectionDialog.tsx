import { type FormEvent, useState } from 'react';
import { formatFiscalYear, formatFiscalYearShort } from '../../../domain/fiscal-year';
import { issuesFromZod } from '../../../schemas/issues';
import { proposeCorrectionSchema } from '../../../schemas/result-correction';
import type { SheetIndicator } from '../../../schemas/sheet';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { FormField } from '../../components/FormField';
import { proposeCorrection } from '../../lib/api-corrections';
import { cellHint } from '../../lib/cell-hint';
import { indicatorLabel } from './sheet-text';
import { useSheetAction } from './use-sheet-action';

/** A closed year's result to correct: which indicator, which year. */
export type Correcting = { indicator: SheetIndicator; fiscalYear: number };

/**
 * 過年度実績の訂正の申請: the corrected result and the reason. It changes nothing until the
 * 所属長 or the 企画担当 approves; then the year's sheet prints it as a dated 正誤.
 */
export function CorrectionDialog({
  sheet,
  correcting,
  onClose,
}: {
  sheet: SheetView;
  correcting: Correcting | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={correcting !== null} title="実績の訂正の申請" onClose={onClose}>
      {correcting && <CorrectionForm sheet={sheet} correcting={correcting} onClose={onClose} />}
    </Dialog>
  );
}

type Errors = { to?: string; reason?: string };

/** The result as the sheet shows it for that year: the sheet's own 結果, or a 実績 column. */
function shownResult(sheet: SheetView, { indicator, fiscalYear }: Correcting): string | null {
  if (fiscalYear === sheet.fiscalYear) return indicator.result.text;
  return indicator.actuals.find((a) => a.fiscalYear === fiscalYear)?.text ?? null;
}

function CorrectionForm({
  sheet,
  correcting,
  onClose,
}: {
  sheet: SheetView;
  correcting: Correcting;
  onClose: () => void;
}) {
  const { indicator, fiscalYear } = correcting;
  const current = shownResult(sheet, correcting);
  const [to, setTo] = useState(current ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const { run, busy, problem } = useSheetAction(sheet.id);
  const label = `${formatFiscalYearShort(fiscalYear)}実績`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { indicatorId: indicator.indicatorId, fiscalYear, to: { text: to }, reason };
    const parsed = proposeCorrectionSchema.safeParse(input);
    if (!parsed.success) {
      const found: Errors = {};
      for (const issue of issuesFromZod(parsed.error)) {
        if (issue.path === 'to.text') found.to ??= issue.message;
        if (issue.path === 'reason') found.reason ??= issue.message;
      }
      setErrors(found);
      document.getElementById(found.to ? 'correction-to' : 'correction-reason')?.focus();
      return;
    }
    setErrors({});
    const ok = await run(
      () => proposeCorrection(sheet.id, parsed.data),
      '実績の訂正を申請しました。所属長または企画担当の承認を待っています。',
    );
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <p>
        {`${formatFiscalYear(fiscalYear)}の実績は、その年度の記録です。承認されると、${formatFiscalYear(fiscalYear)}のシートに訂正日とともに「正誤」として記載され、すべての年度のシート・PDF・オープンデータが訂正後の値になります。`}
      </p>
      <dl className="summary-list">
        <dt>指標</dt>
        <dd>{indicatorLabel(indicator.name, indicator.unit)}</dd>
        <dt>{`今の${label}`}</dt>
        <dd>{current ?? '（なし）'}</dd>
      </dl>
      <FormField
        id="correction-to"
        label={`訂正後の${label}`}
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
        id="correction-reason"
        label="訂正の理由"
        hint="正誤として、訂正日とともにシートに記載されます。"
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
