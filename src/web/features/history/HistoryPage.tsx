import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { historyActionLabel } from '../../../domain/history-action';
import { snapshotStageLabels } from '../../../domain/sheet-lifecycle';
import type { HistoryEntry, SheetHistory } from '../../lib/api-sheet-edit';
import { formatDateTime } from '../../lib/format-date-time';
import { historyQuery, sheetQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SheetBreadcrumbs } from '../sheets/SheetBreadcrumbs';
import { ChangeTable } from './ChangeTable';
import { statusChange } from './history-labels';

const route = getRouteApi('/sheets/$sheetId/history');

/** Long change lists (an import) fold away; short ones are shown at once. */
const foldAfter = 8;

function Entry({ entry }: { entry: HistoryEntry }) {
  const titleId = `history-entry-${entry.id}`;
  const when = formatDateTime(entry.at);
  const action = historyActionLabel(entry);
  const moved = statusChange(entry);
  const table = <ChangeTable entry={entry} caption={`${when} ${action}で変更された項目`} />;
  return (
    <li className="history-entry">
      <article aria-labelledby={titleId}>
        <h2 id={titleId} className="history-entry__title">
          {action}
        </h2>
        <dl className="history-entry__facts">
          <div>
            <dt>日時</dt>
            <dd>
              <time dateTime={entry.at}>{when}</time>
            </dd>
          </div>
          <div>
            <dt>操作</dt>
            <dd>{moved ? `${action}（${moved}）` : action}</dd>
          </div>
          <div>
            <dt>操作者</dt>
            <dd>{entry.actor}</dd>
          </div>
          <div>
            <dt>版</dt>
            <dd>{entry.version}</dd>
          </div>
        </dl>
        {entry.comment && (
          <div className="history-entry__comment">
            <p className="history-entry__comment-label">コメント</p>
            <p className="pre-wrap">{entry.comment}</p>
          </div>
        )}
        {entry.changes.length > foldAfter ? (
          <details className="history-entry__details">
            <summary>{`変更された項目（${entry.changes.length}件）を表示`}</summary>
            {table}
          </details>
        ) : (
          entry.changes.length > 0 && table
        )}
      </article>
    </li>
  );
}

function Snapshots({ sheetId, snapshots }: { sheetId: string; snapshots: SheetHistory['snapshots'] }) {
  return (
    <section className="notice notice--info snapshots" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title" className="notice__title">
        各段階のシート
      </h2>
      {snapshots.length === 0 ? (
        <p>作成・修正・評価の時点のシートはまだ記録されていません。</p>
      ) : (
        <ul className="link-list">
          {snapshots.map((snapshot) => (
            <li key={snapshot.stage}>
              <Link to="/sheets/$sheetId/snapshots/$stage" params={{ sheetId, stage: snapshot.stage }}>
                {`${snapshotStageLabels[snapshot.stage]}のシート`}
              </Link>
              <span className="muted">{`（${formatDateTime(snapshot.at)}、版 ${snapshot.version}）`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `/sheets/:id/history`: every edit, move and revision of the sheet, newest first. */
export function HistoryPage() {
  const { sheetId } = route.useParams();
  const { data: sheet } = useSuspenseQuery(sheetQuery(sheetId));
  const allowed = sheet.permissions.readHistory;
  const { data: history } = useQuery({ ...historyQuery(sheetId), enabled: allowed });
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  useDocumentTitle(`履歴：${sheet.title} ${yearLabel}（${wardLabel}）`);

  return (
    <>
      <SheetBreadcrumbs sheet={sheet} current="履歴" />
      <h1>
        変更の履歴
        <span className="heading-sub">{`${wardLabel} ${yearLabel} ${sheet.title}`}</span>
      </h1>
      {!allowed ? (
        <p className="notice notice--info">
          このシートの履歴を見る権限がありません。職員の方はログインしてください。
        </p>
      ) : !history ? (
        <p role="status">読み込み中です…</p>
      ) : (
        <>
          <Snapshots sheetId={sheetId} snapshots={history.snapshots} />
          {history.entries.length === 0 ? (
            <p>記録された変更はまだありません。</p>
          ) : (
            <ol className="history-list" aria-label="変更の履歴（新しい順）">
              {history.entries.map((entry) => (
                <Entry key={entry.id} entry={entry} />
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
