import { Link } from '@tanstack/react-router';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { WardYearSheets } from '../../../schemas/sheet';
import { ScrollRegion } from '../../components/ScrollRegion';

const evaluationColumns = ['達成', '一部未達成', '未達成', '未評価'] as const;

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
              <td>{sheetStatusLabels[sheet.status]}</td>
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
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
