import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import { indicatorLabel } from '../../../domain/sheet-text';
import type { SheetIndicator } from '../../../schemas/sheet';
import { proposeRevisionSchema, type SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { proposeRevision } from '../../lib/api-sheet-edit';
import { ProposalForm } from './ProposalForm';

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
  const targetLabel = `${formatFiscalYearShort(sheet.fiscalYear)}目標`;
  return (
    <Dialog open={indicator !== null} title="目標の修正の申請" onClose={onClose}>
      {indicator && (
        <ProposalForm
          sheetId={sheet.id}
          idPrefix="revision"
          summary={
            <dl className="summary-list">
              <dt>指標</dt>
              <dd>{indicatorLabel(indicator.name, indicator.unit)}</dd>
              <dt>{`今の${targetLabel}`}</dt>
              <dd>{indicator.target.text ?? '（なし）'}</dd>
            </dl>
          }
          valueLabel={`修正後の${targetLabel}`}
          initialValue={indicator.target.text ?? ''}
          reasonLabel="修正の理由"
          reasonHint="シートに修正日とともに記載されます。"
          parse={(to, reason) =>
            proposeRevisionSchema.safeParse({
              version: sheet.version,
              indicatorId: indicator.indicatorId,
              to: { text: to },
              reason,
            })
          }
          propose={(input) => proposeRevision(sheet.id, input)}
          done="目標の修正を申請しました。所属長の承認を待っています。"
          onClose={onClose}
        />
      )}
    </Dialog>
  );
}
