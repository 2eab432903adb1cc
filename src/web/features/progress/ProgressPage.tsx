import '../../styles/ward-year.css';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { filterBoard, sortBoard } from '../../../domain/progress-board';
import { formatSheetDate } from '../../../domain/sheet-text';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { type BoardScope, progressCsvUrl } from '../../lib/api-progress';
import { progressBoardQuery } from '../../lib/progress-queries';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../styles/progress.css';
import { BoardControls } from './BoardControls';
import { BoardTable, type RowSelection } from './BoardTable';
import { BulkActions } from './BulkActions';
import { type BoardSearch, boardViewOf, parseBoardSearch } from './board-view';
import { ProgressTotals } from './ProgressTotals';

const wardRoute = getRouteApi('/years/$fiscalYear/wards/$wardName/progress');
const municipalityRoute = getRouteApi('/years/$fiscalYear/progress');

/**
 * 進捗管理表: every sheet of the year with its phase, deadline, people, last change and any
 * 差戻し, the totals as a chart and a table, filtered and sorted in the address (so a view can be
 * bookmarked and sent), and the same rows as CSV.
 */
function ProgressBoardView({
  scope,
  search,
  onSearch,
}: {
  scope: BoardScope;
  search: BoardSearch;
  onSearch: (next: BoardSearch) => void;
}) {
  const { data } = useSuspenseQuery(progressBoardQuery(scope));
  const year = formatFiscalYear(data.fiscalYear);
  const where = data.ward ? `${data.municipality} ${data.ward}` : `${data.municipality} 全部区`;
  useDocumentTitle(`進捗管理表 ${where} ${year}`);
  const view = boardViewOf(search);
  const rows = sortBoard(filterBoard(data.rows, view), view);
  const { data: me } = useQuery(meQuery());
  // 評価確定・公開・差戻し are the 企画担当's; the server still decides sheet by sheet.
  const acts = data.ward !== null && (me?.user?.roles.some((r) => r.role === 'planner') ?? false);
  const [chosenIds, setChosenIds] = useState<ReadonlySet<string>>(new Set());
  const selection: RowSelection = {
    chosen: chosenIds,
    choose: (ids, on) =>
      setChosenIds((before) => {
        const next = new Set(before);
        for (const id of ids) {
          if (on) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
  };
  // Only what is shown is acted on: a filter hides a row, and it is no longer chosen.
  const chosen = rows.filter((row) => chosenIds.has(row.id));

  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/home">
            ホーム
          </Link>,
          ...(data.ward
            ? [
                <Link
                  key="ward"
                  to="/years/$fiscalYear/wards/$wardName"
                  params={{ fiscalYear: data.fiscalYear, wardName: data.ward }}
                  search={{ municipality: data.municipality }}
                >
                  {`${where} ${year}`}
                </Link>,
              ]
            : []),
        ]}
        current="進捗管理表"
      />
      <h1>
        {where} {year}
        <span className="heading-sub">進捗管理表</span>
      </h1>
      <p className="lead">
        各組織のシートの段階、期限、担当者、最終更新と差戻しの状況を一覧にしています（
        {formatSheetDate(data.today)}
        時点）。
      </p>
      <ProgressTotals totals={data.totals} />
      <section aria-labelledby="board-title" className="board">
        <h2 id="board-title">シートごとの状況</h2>
        <BoardControls search={search} onChange={onSearch} />
        <div className="board-summary">
          <p role="status" className="board-summary__count">
            {rows.length === data.rows.length
              ? `${data.rows.length}件`
              : `${data.rows.length}件中 ${rows.length}件を表示`}
          </p>
          <a className="button button--secondary button--small" href={progressCsvUrl(scope, view)} download>
            表示中の内容を CSV でダウンロード
          </a>
        </div>
        {acts && <BulkActions chosen={chosen} onDone={() => setChosenIds(new Set())} />}
        {rows.length === 0 ? (
          <p>条件に合うシートはありません。</p>
        ) : (
          <BoardTable
            rows={rows}
            sort={view}
            showWard={data.ward === null}
            caption={`${where} ${year}のシートの進捗`}
            selection={acts ? selection : undefined}
          />
        )}
      </section>
    </>
  );
}

/** `/years/2023/wards/北区/progress`: the board of one 部区's year (企画担当・閲覧者・管理者). */
export function WardProgressPage() {
  const { fiscalYear, wardName } = wardRoute.useParams();
  const search = parseBoardSearch(wardRoute.useSearch());
  const navigate = useNavigate({ from: '/years/$fiscalYear/wards/$wardName/progress' });
  return (
    <ProgressBoardView
      scope={{ fiscalYear, ward: wardName, municipality: search.municipality }}
      search={search}
      onSearch={(next) => void navigate({ search: next, replace: true, resetScroll: false })}
    />
  );
}

/** `/years/2023/progress`: the board of every 部区 of the municipality (閲覧者・管理者). */
export function MunicipalityProgressPage() {
  const { fiscalYear } = municipalityRoute.useParams();
  const search = parseBoardSearch(municipalityRoute.useSearch());
  const navigate = useNavigate({ from: '/years/$fiscalYear/progress' });
  return (
    <ProgressBoardView
      scope={{ fiscalYear }}
      search={search}
      onSearch={(next) => void navigate({ search: next, replace: true, resetScroll: false })}
    />
  );
}
