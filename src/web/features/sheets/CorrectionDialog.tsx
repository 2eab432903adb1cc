import { formatFiscalYear, formatFiscalYearShort } from '../../../domain/fiscal-year';
import { indicatorLabel } from '../../../domain/sheet-text';
import { proposeCorrectionSchema } from '../../../schemas/result-correction';
import type { SheetIndicator } from '../../../schemas/sheet';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { proposeCorrection } from '../../lib/api-corrections';
import { ProposalForm } from './ProposalForm';

/** A closed year's result to correct: which indicator, which year. */
export type Correcting = { indicator: SheetIndicator; fiscalYear: number };

/** The result as the sheet shows it for that year: the sheet's own 結果, or a 実績 column. */
function shownResult(sheet: SheetView, { indicator, fiscalYear }: Correcting): string | null {
  if (fiscalYear === sheet.fiscalYear) return indicator.result.text;
  return indicator.actuals.find((a) => a.fiscalYear === fiscalYear)?.text ?? null;
}

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
  const label = `${formatFiscalYearShort(fiscalYear)}実績`;
  const year = formatFiscalYear(fiscalYear);
  return (
    <ProposalForm
      sheetId={sheet.id}
      idPrefix="correction"
      summary={
        <>
          <p>
            {`${year}の実績は、その年度の記録です。承認されると、${year}のシートに訂正日とともに「正誤」として記載され、すべての年度のシート・PDF・オープンデータが訂正後の値になります。`}
          </p>
          <dl className="summary-list">
            <dt>指標</dt>
            <dd>{indicatorLabel(indicator.name, indicator.unit)}</dd>
            <dt>{`今の${label}`}</dt>
            <dd>{current ?? '（なし）'}</dd>
          </dl>
        </>
      }
      valueLabel={`訂正後の${label}`}
      initialValue={current ?? ''}
      reasonLabel="訂正の理由"
      reasonHint="正誤として、訂正日とともにシートに記載されます。"
      parse={(to, reason) =>
        proposeCorrectionSchema.safeParse({
          indicatorId: indicator.indicatorId,
          fiscalYear,
          to: { text: to },
          reason,
        })
      }
      propose={(input) => proposeCorrection(sheet.id, input)}
      done="実績の訂正を申請しました。所属長または企画担当の承認を待っています。"
      onClose={onClose}
    />
  );
}
