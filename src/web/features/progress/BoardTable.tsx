import { Link } from '@tanstack/react-router';
import { phaseLabels } from '../../../domain/deadlines';
import type { BoardSort, BoardSortKey } from '../../../domain/progress-board';
import { evaluationTallies } from '../../../domain/progress-board';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { ProgressRow } from '../../../schemas/progress';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../lib/format-date-time';

/** The column a sort key orders by, announced with aria-sort. */
function sortedBy(column: BoardSortKey, sort: BoardSort): 'ascending' | 'descending' | undefined {
  if (column !== sort.key) return undefined;
  return sort.descending ? 'descending' : 'ascending';
}

function People({ label, names }: { label: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <span className="board-people">
      <span className="board-people__role">{label}</span>
      {names.join('、')}
    </span>
  );
}

/** Which rows are chosen for a 一括操作, when the user may make one. */
export interface RowSelection {
  chosen: ReadonlySet<string>;
  choose(ids: string[], on: boolean): void;
}

/** Each sheet's row of the 進捗管理表; the organization links to the sheet. */
export function BoardTable({
  rows,
  sort,
  showWard,
  caption,
  selection,
}: {
  rows: ProgressRow[];
  sort: BoardSort;
  showWard: boolean;
  caption: string;
  selection?: RowSelection | undefined;
}) {
  const allChosen = selection !== undefined && rows.every((row) => selection.chosen.has(row.id));
  return (
    <ScrollRegion labelledBy="board-caption">
      <table className="data-table board-table">
        <caption id="board-caption">{caption}</caption>
        <thead>
          <tr>
            {selection && (
              <td className="board-choose">
                <input
                  type="checkbox"
                  aria-label="表示中のシートをすべて選ぶ"
                  checked={allChosen}
                  onChange={(e) =>
                    selection.choose(
                      rows.map((row) => row.id),
                      e.target.checked,
                    )
                  }
                />
              </td>
            )}
            {showWard && (
              <th scope="col" aria-sort={sortedBy('organization', sort)}>
                部区
              </th>
            )}
            <th scope="col" aria-sort={showWard ? undefined : sortedBy('organization', sort)}>
              組織名
            </th>
            <th scope="col" aria-sort={sortedBy('phase', sort)}>
              段階・状態
            </th>
            <th scope="col" aria-sort={sortedBy('deadline', sort)}>
              期限
            </th>
            <th scope="col">担当者・所属長</th>
            <th scope="col" aria-sort={sortedBy('lastChange', sort)}>
              最終更新
            </th>
            <th scope="col">差戻し・コメント</th>
            {evaluationTallies.map((tally) => (
              <th
                key={tally}
                scope="col"
                className="num"
                aria-sort={tally === '未達成' ? sortedBy('evaluation', sort) : undefined}
              >
                {tally}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.overdue ? 'board-row--overdue' : undefined}>
              {selection && (
                <td className="board-choose">
                  <input
                    type="checkbox"
                    aria-label={`${row.title}を選ぶ`}
                    checked={selection.chosen.has(row.id)}
                    onChange={(e) => selection.choose([row.id], e.target.checked)}
                  />
                </td>
              )}
              {showWard && <td className="nowrap">{row.ward}</td>}
              <th scope="row">
                <Link to="/sheets/$sheetId" params={{ sheetId: row.id }}>
                  {row.title}
                </Link>
                {row.departmentName !== row.title && <span className="cell-sub">{row.departmentName}</span>}
              </th>
              <td>
                <span className="nowrap">{phaseLabels[row.phase]}</span>
                <span className="cell-sub">{sheetStatusLabels[row.status]}</span>
              </td>
              <td className="nowrap">
                {row.deadline ? `${formatSheetDate(row.deadline)}まで` : '—'}
                {row.overdue && (
                  <span className="cell-sub">
                    <span className="overdue-badge">{`期限超過（${phaseLabels[row.overdue]}）`}</span>
                  </span>
                )}
              </td>
              <td>
                <People label="担当者" names={row.responsible} />
                <People label="所属長" names={row.heads} />
                {row.responsible.length + row.heads.length === 0 && <span className="muted">（未設定）</span>}
              </td>
              <td>
                {row.lastChange ? (
                  <>
                    <span className="nowrap">{formatDateTime(row.lastChange.at)}</span>
                    <span className="cell-sub">{`${row.lastChange.by}（${row.lastChange.what}）`}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="board-returned">
                {row.returned ? (
                  <>
                    <span className="cell-sub">{`${row.returned.by}・${formatDateTime(row.returned.at)}`}</span>
                    {row.returned.comment}
                  </>
                ) : (
                  ''
                )}
                {row.openComments > 0 && (
                  <span className="cell-sub">{`未解決のコメント ${row.openComments}件`}</span>
                )}
              </td>
              {evaluationTallies.map((tally) => (
                <td key={tally} className="num">
                  {row.evaluations[tally]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
