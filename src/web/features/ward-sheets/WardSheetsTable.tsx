import { Link } from '@tanstack/react-router';
import { phaseLabels } from '../../../domain/deadlines';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { SheetSummary, WardYearSheets } from '../../../schemas/sheet';
import { ScrollRegion } from '../../components/ScrollRegion';

const evaluationColumns = ['達成', '一部未達成', '未達成', '未評価'] as const;

/**
 * The sheet's next deadline: 「期限超過（作成）」 in words when it was missed, else the date of the
 * deadline its phase works towards (作成 → 作成の期限; 修正・評価 → 評価の期限).
 */
function DeadlineCell({ sheet, deadlines }: { sheet: SheetSummary; deadlines: WardYearSheets['deadlines'] }) {
  if (sheet.overdue) {
    return (
      <td>
        <span className="overdue-badge">{`期限超過（${phaseLabels[sheet.overdue]}）`}</span>
      </td>
    );
  }
  const date = sheet.phase === 'plan' ? deadlines.plan : sheet.phase === 'done' ? null : deadlines.evaluation;
  return <td className="nowrap">{date ? `${formatSheetDate(date)}まで` : ''}</td>;
}

/** Counts per organization with a totals row; each organization links to its sheet. */
export function WardSheetsTable({ data, caption }: { data: WardYearSheets; caption: string }) {
  return (
    <ScrollRegion labelledBy="ward-sheets-caption">
      <table className="data-table">
        <caption id="ward-sheets-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">組織名</th>
            <th scope="col" className="num">
              目標数
            </th>
            <th scope="col" className="num">
              指標数
            </th>
            {evaluationColumns.map((label) => (
              <th key={label} scope="col" className="num">
                {label}
              </th>
            ))}
            <th scope="col">状態</th>
            <th scope="col">段階</th>
            <th scope="col">期限</th>
          </tr>
        </thead>
        <tbody>
          {data.sheets.map((sheet) => (
            <tr key={sheet.id}>
              <th scope="row">
                <Link to="/sheets/$sheetId" params={{ sheetId: sheet.id }}>
                  {sheet.title}
                </Link>
                {sheet.departmentName !== sheet.title && (
                  <span className="cell-sub">{sheet.departmentName}</span>
                )}
              </th>
              <td className="num">{sheet.goalCount}</td>
              <td className="num">{sheet.indicatorCount}</td>
              {evaluationColumns.map((label) => (
                <td key={label} className="num">
                  {sheet.evaluations[label]}
                </td>
              ))}
              <td className="nowrap">{sheetStatusLabels[sheet.status]}</td>
              <td className="nowrap">{phaseLabels[sheet.phase]}</td>
              <DeadlineCell sheet={sheet} deadlines={data.deadlines} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">合計</th>
            <td className="num">{data.totals.goals}</td>
            <td className="num">{data.totals.indicators}</td>
            {evaluationColumns.map((label) => (
              <td key={label} className="num">
                {data.totals.evaluations[label]}
              </td>
            ))}
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
