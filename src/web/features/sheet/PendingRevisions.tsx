import { type FormEvent, useState } from 'react';
import type { SheetView } from '../../../schemas/sheet-edit';
import { Dialog } from '../../components/Dialog';
import { FormField } from '../../components/FormField';
import { ScrollRegion } from '../../components/ScrollRegion';
import { decideRevision } from '../../lib/api-sheet-edit';
import { useSheetAction } from './use-sheet-action';

type Pending = NonNullable<SheetView['workflow']>['pendingRevisions'][number];
type Decision = { revision: Pending; decision: 'approve' | 'return' };

const decisionLabels = { approve: '承認', return: '差戻し' } as const;

/** 目標の修正 proposed and waiting for the head: 承認 or 差戻し when the user may decide. */
export function PendingRevisions({ sheet, revisions }: { sheet: SheetView; revisions: Pending[] }) {
  const [open, setOpen] = useState<Decision | null>(null);
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
                    <div className="button-row button-row--tight">
                      {(['approve', 'return'] as const).map((decision) => (
                        <button
                          key={decision}
                          type="button"
                          className={
                            decision === 'approve'
                              ? 'button button--small'
                              : 'button button--secondary button--small'
                          }
                          aria-label={`${revision.indicatorName}の目標の修正を${decisionLabels[decision]}`}
                          onClick={() => setOpen({ revision, decision })}
                        >
                          {decisionLabels[decision]}
                        </button>
                      ))}
                    </div>
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
        {open && <DecisionForm sheet={sheet} decision={open} onClose={() => setOpen(null)} />}
      </Dialog>
    </section>
  );
}

function DecisionForm({
  sheet,
  decision: { revision, decision },
  onClose,
}: {
  sheet: SheetView;
  decision: Decision;
  onClose: () => void;
}) {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const { run, busy, problem } = useSheetAction(sheet.id);
  const needsComment = decision === 'return';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = comment.trim();
    if (needsComment && text === '') {
      setCommentError('差戻しの理由を入力してください');
      document.getElementById('revision-decision-comment')?.focus();
      return;
    }
    const ok = await run(
      () =>
        decideRevision(sheet.id, revision.id, {
          version: sheet.version,
          decision,
          ...(text === '' ? {} : { comment: text }),
        }),
      decision === 'approve' ? '目標の修正を承認しました。' : '目標の修正を差し戻しました。',
    );
    if (ok) onClose();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)}>
      <dl className="summary-list">
        <dt>指標</dt>
        <dd>{revision.indicatorName}</dd>
        <dt>目標</dt>
        <dd>{`${revision.from ?? '（なし）'} → ${revision.to ?? '（なし）'}`}</dd>
        <dt>修正の理由</dt>
        <dd className="pre-wrap">{revision.reason}</dd>
      </dl>
      <FormField
        id="revision-decision-comment"
        label={needsComment ? '差戻しの理由' : 'コメント（任意）'}
        hint={needsComment ? '必須です。' : undefined}
        error={commentError}
      >
        {(control) => (
          <textarea
            {...control}
            className="textarea"
            rows={3}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        )}
      </FormField>
      {problem && (
        <p role="alert" className="notice notice--error">
          {problem.message}
        </p>
      )}
      <div className="button-row dialog__buttons">
        <button type="button" className="button button--secondary" onClick={onClose}>
          キャンセル
        </button>
        <button type="submit" className="button" disabled={busy}>
          {busy ? '処理しています…' : `${decisionLabels[decision]}する`}
        </button>
      </div>
    </form>
  );
}
