import { useState } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { ScrollRegion } from '../../components/ScrollRegion';
import { decideRevision } from '../../lib/api-sheet-edit';
import { type Decision, DecisionButtons, DecisionForm, decisionLabels } from './DecisionForm';

type Pending = NonNullable<SheetView['workflow']>['pendingRevisions'][number];
type Open = { revision: Pending; decision: Decision };

/** 目標の修正 proposed and waiting for the head: 承認 or 差戻し when the user may decide. */
export function PendingRevisions({ sheet, revisions }: { sheet: SheetView; revisions: Pending[] }) {
  const [open, setOpen] = useState<Open | null>(null);
  if (revisions.length === 0) return null;
  const canDecide = sheet.permissions.decideRevision;
  return (
    <section className="notice notice--info app-chrome" aria-labelledby="pending-revisions-title">
      <h2 id="pending-revisions-title" className="notice__title">
        承認待ちの目標の修正
      </h2>
      <ScrollRegion labelledBy="pending-revisions-caption">
        <table className="data-table data-table--compact">
          <caption id="pending-revisions-caption" className="visually-hidden">
            承認待ちの目標の修正の一覧
          </caption>
          <thead>
            <tr>
              <th scope="col">指標</th>
              <th scope="col">今の目標</th>
              <th scope="col">修正後の目標</th>
              <th scope="col">修正の理由</th>
              <th scope="col">申請者</th>
              {canDecide && <th scope="col">操作</th>}
            </tr>
          </thead>
          <tbody>
            {revisions.map((revision) => (
              <tr key={revision.id}>
                <th scope="row">{revision.indicatorName}</th>
                <td>{revision.from ?? '（なし）'}</td>
                <td>{revision.to ?? '（なし）'}</td>
                <td className="pre-wrap">{revision.reason}</td>
                <td>{revision.proposedBy ?? ''}</td>
                {canDecide && (
                  <td>
                    <DecisionButtons
                      subject={`${revision.indicatorName}の目標の修正`}
                      onChoose={(decision) => setOpen({ revision, decision })}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <Dialog
        open={open !== null}
        title={open ? `目標の修正の${decisionLabels[open.decision]}` : ''}
        onClose={() => setOpen(null)}
      >
        {open && (
          <DecisionForm
            sheetId={sheet.id}
            decision={open.decision}
            summary={
              <dl className="summary-list">
                <dt>指標</dt>
                <dd>{open.revision.indicatorName}</dd>
                <dt>目標</dt>
                <dd>{`${open.revision.from ?? '（なし）'} → ${open.revision.to ?? '（なし）'}`}</dd>
                <dt>修正の理由</dt>
                <dd className="pre-wrap">{open.revision.reason}</dd>
              </dl>
            }
            decide={(comment) =>
              decideRevision(sheet.id, open.revision.id, {
                version: sheet.version,
                decision: open.decision,
                ...(comment === undefined ? {} : { comment }),
              })
            }
            done={{ approve: '目標の修正を承認しました。', return: '目標の修正を差し戻しました。' }}
            onClose={() => setOpen(null)}
          />
        )}
      </Dialog>
    </section>
  );
}
