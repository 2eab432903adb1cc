import type { SheetView } from '../../../schemas/sheet-edit';
import { formatDateTime } from '../../lib/format-date-time';
import { PendingCorrections } from './PendingCorrections';
import { PendingRevisions } from './PendingRevisions';

type Workflow = NonNullable<SheetView['workflow']>;

/** The comment of the last 差戻し, in front of whoever has to act on it. */
export function ReturnNotice({ lastReturn }: { lastReturn: Workflow['lastReturn'] }) {
  if (!lastReturn) return null;
  return (
    <section
      className="notice notice--warning return-notice app-chrome"
      aria-labelledby="return-notice-title"
    >
      <h2 id="return-notice-title" className="notice__title">
        差し戻されています
      </h2>
      <p className="return-notice__meta">
        {`${lastReturn.by}（${formatDateTime(lastReturn.at)}）からのコメント：`}
      </p>
      <p className="return-notice__comment">{lastReturn.comment ?? '（コメントはありません）'}</p>
    </section>
  );
}

/** Workflow around the sheet for staff: the last return, 目標の修正 and 実績の訂正 waiting for a decision. */
export function WorkflowNotices({ sheet }: { sheet: SheetView }) {
  if (!sheet.workflow) return null;
  return (
    <>
      <ReturnNotice lastReturn={sheet.workflow.lastReturn} />
      <PendingRevisions sheet={sheet} revisions={sheet.workflow.pendingRevisions} />
      <PendingCorrections sheet={sheet} corrections={sheet.workflow.corrections} />
    </>
  );
}
