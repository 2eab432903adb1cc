import { useState } from 'react';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import { correctionStatusLabels } from '../../../domain/result-correction';
import type { CorrectionItem } from '../../../schemas/result-correction';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { ScrollRegion } from '../../components/ScrollRegion';
import { decideCorrection } from '../../lib/api-corrections';
import { type Decision, DecisionButtons, DecisionForm, decisionLabels } from './DecisionForm';

type Open = { correction: CorrectionItem; decision: Decision };

/**
 * 実績の訂正 around this sheet: those waiting (承認 or 差戻し for the 所属長 and 企画担当) and those
 * returned with the comment, for the proposer to propose again from the cell.
 */
export function PendingCorrections({
  sheet,
  corrections,
}: {
  sheet: SheetView;
  corrections: CorrectionItem[];
}) {
  const [open, setOpen] = useState<Open | null>(null);
  if (corrections.length === 0) return null;
  const anyDecidable = corrections.some((c) => c.mayDecide);
  return (
    <section className="notice notice--info app-chrome" aria-labelledby="pending-corrections-title">
      <h2 id="pending-corrections-title" className="notice__title">
        実績の訂正の申請
      </h2>
      <ScrollRegion labelledBy="pending-corrections-caption">
        <table className="data-table data-table--compact">
          <caption id="pending-corrections-caption" className="visually-hidden">
            実績の訂正の申請の一覧
          </caption>
          <thead>
            <tr>
              <th scope="col">指標</th>
              <th scope="col">年度</th>
              <th scope="col">今の実績</th>
              <th scope="col">訂正後の実績</th>
              <th scope="col">訂正の理由</th>
              <th scope="col">申請者</th>
              <th scope="col">状況</th>
              {anyDecidable && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {corrections.map((correction) => (
              <tr key={correction.id}>
                <th scope="row">{correction.indicatorName}</th>
                <td>{`${formatFiscalYearShort(correction.fiscalYear)}実績`}</td>
                <td>{correction.from ?? '（なし）'}</td>
                <td>{correction.to ?? '（なし）'}</td>
                <td className="pre-wrap">{correction.reason}</td>
                <td>{correction.proposedBy ?? ''}</td>
                <td>
                  {correctionStatusLabels[correction.status]}
                  {correction.status === 'returned' && correction.decisionComment && (
                    <span className="pre-wrap">{`（${correction.decisionComment}）`}</span>
                  )}
                </td>
                {anyDecidable && (
                  <td>
                    {correction.mayDecide && (
                      <DecisionButtons
                        subject={`${correction.indicatorName}の${formatFiscalYearShort(correction.fiscalYear)}実績の訂正`}
                        onChoose={(decision) => setOpen({ correction, decision })}
                      />
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Dialog
        open={open !== null}
        title={open ? `実績の訂正の${decisionLabels[open.decision]}` : ''}
        onClose={() => setOpen(null)}
      >
        {open && (
          <DecisionForm
            sheetId={sheet.id}
            decision={open.decision}
            summary={
              <dl className="summary-list">
                <dt>指標</dt>
                <dd>{open.correction.indicatorName}</dd>
                <dt>{`${formatFiscalYearShort(open.correction.fiscalYear)}実績`}</dt>
                <dd>{`${open.correction.from ?? '（なし）'} → ${open.correction.to ?? '（なし）'}`}</dd>
                <dt>訂正の理由</dt>
                <dd className="pre-wrap">{open.correction.reason}</dd>
              </dl>
            }
            decide={(comment) =>
              decideCorrection(sheet.id, open.correction.id, {
                decision: open.decision,
                ...(comment === undefined ? {} : { comment }),
              })
            }
            done={{ approve: '実績の訂正を承認しました。', return: '実績の訂正を差し戻しました。' }}
            onClose={() => setOpen(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
