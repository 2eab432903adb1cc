import { formatFiscalYear, type SheetColumnLabels, sheetColumnLabels } from '../../../domain/fiscal-year';
import type { SheetDetail } from '../../../schemas/sheet';
import { ScrollRegion } from '../../components/ScrollRegion';
import { GoalRows, type TargetAction, type ValueAction } from './GoalRows';

/** The goals and indicators in the official column order, labelled for the sheet's fiscal year. */
export function SheetTable({
  sheet,
  targetAction,
  valueAction,
  withHistory = false,
}: {
  sheet: SheetDetail;
  targetAction?: TargetAction;
  /** Offered in each 実績/結果 cell (「訂正」). */
  valueAction?: ValueAction;
  /** Offer each indicator's history chart (「推移を見る」). */
  withHistory?: boolean;
}) {
  const labels = sheetColumnLabels(sheet.fiscalYear);
  const captionId = `sheet-table-caption-${sheet.id}`;
  return (
    <ScrollRegion labelledBy={captionId} className="sheet-table-scroll">
      <table className="sheet-table">
        <caption id={captionId}>
          {`組織目標と指標（${formatFiscalYear(sheet.fiscalYear)} ${sheet.title}）`}
        </caption>
        <SheetTableHead labels={labels} />
        {sheet.goals.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={13} className="no-indicator">
                組織目標はまだ登録されていません
              </td>
            </tr>
          </tbody>
        ) : (
          sheet.goals.map((goal, index) => (
            <GoalRows
              key={goal.id}
              goal={goal}
              goalIndex={index}
              fiscalYear={sheet.fiscalYear}
              labels={labels}
              targetAction={targetAction}
              valueAction={valueAction}
              withHistory={withHistory}
            />
          ))
        )}
      </table>
    </ScrollRegion>
  );
}

/** The official sheet's column groups and two header rows, shared by the sheet and its editor. */
export function SheetTableHead({ labels }: { labels: SheetColumnLabels }) {
  return (
    <>
      <colgroup>
        <col className="col-no" />
        <col className="col-parent" />
        <col className="col-goal" />
        <col className="col-initiatives" />
      </colgroup>
      <colgroup>
        <col className="col-indicator" />
        {labels.actuals.map((actual) => (
          <col key={actual.year} className="col-value" />
        ))}
        <col className="col-target" />
        <col className="col-value" />
      </colgroup>
      <colgroup>
        <col className="col-note" />
        <col className="col-achievement" />
        <col className="col-evaluation" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            No.
          </th>
          <th scope="col" rowSpan={2}>
            部区
          </th>
          <th scope="col" rowSpan={2}>
            組織目標
          </th>
          <th scope="col" rowSpan={2}>
            主な取組（事業）
          </th>
          <th scope="colgroup" colSpan={6}>
            指標
          </th>
          <th scope="col" rowSpan={2}>
            補足・参考指標
          </th>
          <th scope="col" rowSpan={2}>
            目標達成状況
          </th>
          <th scope="col" rowSpan={2}>
            評価
          </th>
        </tr>
        <tr>
          <th scope="col">項目（単位）</th>
          {labels.actuals.map((actual) => (
            <th key={actual.year} scope="col">
              {actual.label}
            </th>
          ))}
          <th scope="col">{labels.target}</th>
          <th scope="col">{labels.result}</th>
        </tr>
      </thead>
    </>
  );
}
