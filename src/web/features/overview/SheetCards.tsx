import { Link } from '@tanstack/react-router';
import { formatNumber } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import { evaluationTallies } from '../../../domain/progress-board';
import { goalAnchor, indicatorAnchor } from '../../../domain/sheet-anchor';
import type { OverviewGoal, OverviewIndicator, WardYearOverview } from '../../../schemas/overview';
import type { SheetSummary } from '../../../schemas/sheet';
import { IndicatorTrend } from './IndicatorTrend';

const valueText = (cell: { value: number | null; text: string | null }, unit: string | null) =>
  cell.value === null ? (cell.text ?? '―') : `${formatNumber(cell.value)}${unit ?? ''}`;

function IndicatorLine({
  sheetId,
  goalIndex,
  index,
  indicator,
  fiscalYear,
}: {
  sheetId: string;
  goalIndex: number;
  index: number;
  indicator: OverviewIndicator;
  fiscalYear: number;
}) {
  return (
    <li className="overview-indicator">
      <Link
        to="/sheets/$sheetId"
        params={{ sheetId }}
        hash={indicatorAnchor(goalIndex, index)}
        className="overview-indicator__name"
      >
        {indicator.name}
        {indicator.unit && `（${indicator.unit}）`}
      </Link>
      <div className="overview-indicator__figures">
        <IndicatorTrend indicator={indicator} fiscalYear={fiscalYear} />
        <dl className="overview-indicator__values">
          <div>
            <dt>実績</dt>
            <dd>
              {indicator.actuals
                .map((a) => `${formatFiscalYearShort(a.fiscalYear)} ${valueText(a, indicator.unit)}`)
                .join('・')}
            </dd>
          </div>
          <div>
            <dt>目標</dt>
            <dd>{valueText(indicator.target, indicator.unit)}</dd>
          </div>
          <div>
            <dt>結果</dt>
            <dd>{valueText(indicator.result, indicator.unit)}</dd>
          </div>
        </dl>
        {indicator.evaluation ? (
          <span className="evaluation" data-evaluation={indicator.evaluation}>
            {indicator.evaluation}
          </span>
        ) : (
          <span className="muted">未評価</span>
        )}
      </div>
    </li>
  );
}

function GoalItem({
  sheetId,
  title,
  goal,
  index,
  fiscalYear,
}: {
  sheetId: string;
  /** The sheet's name, which the goal's link says with its number (「地域総務課 目標1」). */
  title: string;
  goal: OverviewGoal;
  index: number;
  fiscalYear: number;
}) {
  return (
    <li className="overview-goal">
      <p className="overview-goal__text">
        <Link
          to="/sheets/$sheetId"
          params={{ sheetId }}
          hash={goalAnchor(index)}
          className="overview-goal__no"
          aria-label={`${title} 目標${goal.no}`}
        >
          {`目標${goal.no}`}
        </Link>
        {goal.text}
      </p>
      {goal.indicators.length > 0 && (
        <ul className="overview-indicators" aria-label={`目標${goal.no}の指標`}>
          {goal.indicators.map((indicator, i) => (
            <IndicatorLine
              key={indicator.placementId}
              sheetId={sheetId}
              goalIndex={index}
              index={i}
              indicator={indicator}
              fiscalYear={fiscalYear}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** 達成3件、一部未達成1件、未達成0件 (and 未評価 when any). */
function mixWords(evaluations: SheetSummary['evaluations']): string {
  return evaluationTallies
    .filter((tally) => tally !== '未評価' || evaluations[tally] > 0)
    .map((tally) => `${tally}${evaluations[tally]}件`)
    .join('、');
}

/**
 * Each sheet of the year as a card: its name (to the sheet), its 評価 in numbers, its goals
 * (each to its place on the sheet) with their indicators' trends, targets, results and 評価.
 */
export function SheetCards({
  sheets,
  overview,
  titleLinks,
}: {
  sheets: SheetSummary[];
  overview: WardYearOverview;
  /** Whether each card's name leads to its sheet (not where the staff's list above already does). */
  titleLinks: boolean;
}) {
  const goalsOf = new Map(overview.sheets.map((sheet) => [sheet.id, sheet.goals]));
  return (
    <div className="overview-sheets">
      {sheets.map((sheet) => (
        <article key={sheet.id} className="overview-sheet" aria-labelledby={`overview-${sheet.id}`}>
          <h3 id={`overview-${sheet.id}`} className="overview-sheet__title">
            {titleLinks ? (
              <Link to="/sheets/$sheetId" params={{ sheetId: sheet.id }}>
                {sheet.title}
              </Link>
            ) : (
              sheet.title
            )}
          </h3>
          {sheet.departmentName !== sheet.title && (
            <p className="overview-sheet__department">{sheet.departmentName}</p>
          )}
          <p className="overview-sheet__mix">
            {sheet.indicatorCount === 0
              ? '指標なし'
              : `指標${sheet.indicatorCount}件（${mixWords(sheet.evaluations)}）`}
          </p>
          <ol className="overview-goals">
            {(goalsOf.get(sheet.id) ?? []).map((goal, index) => (
              <GoalItem
                key={goal.id}
                sheetId={sheet.id}
                title={sheet.title}
                goal={goal}
                index={index}
                fiscalYear={overview.fiscalYear}
              />
            ))}
          </ol>
        </article>
      ))}
    </div>
  );
}
