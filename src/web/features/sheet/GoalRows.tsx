import type { ReactNode } from 'react';
import type { SheetGoal, SheetIndicator } from '../../../schemas/sheet';
import { indicatorLabel } from './sheet-text';
import { TargetCell, ValueCell } from './ValueCell';

/** Something to offer next to an indicator's target (「目標の修正」), screen only. */
export type TargetAction = (indicator: SheetIndicator) => ReactNode;

/** Number of value columns an indicator row has after its name (3 実績, 目標, 結果, note, status, 評価). */
const indicatorDetailColumns = 8;

function GoalCells({ goal, rowSpan }: { goal: SheetGoal; rowSpan: number }) {
  return (
    <>
      <th scope="rowgroup" rowSpan={rowSpan} className="goal-no">
        {goal.no}
      </th>
      <td rowSpan={rowSpan} className="goal-parent">
        {goal.parentNo !== null && goal.parentGoalText ? (
          // The 部区 goal this goal aligns to, shown on hover and on keyboard focus.
          <button type="button" className="parent-goal" aria-describedby={`parent-goal-${goal.id}`}>
            {goal.parentNo}
            <span id={`parent-goal-${goal.id}`} role="tooltip" className="parent-goal-tip">
              部区の目標{goal.parentNo}: {goal.parentGoalText}
            </span>
          </button>
        ) : (
          (goal.parentNo ?? '')
        )}
      </td>
      <td rowSpan={rowSpan} className="goal-text">
        {goal.text}
      </td>
      <td rowSpan={rowSpan} className="goal-initiatives">
        {goal.initiatives.length > 0 && (
          <ul className="initiatives">
            {goal.initiatives.map((initiative, index) => (
              // Initiatives are plain strings that may repeat; their order is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>{initiative}</li>
            ))}
          </ul>
        )}
      </td>
    </>
  );
}

function IndicatorCells({
  indicator,
  actualYears,
  targetAction,
}: {
  indicator: SheetIndicator;
  actualYears: number[];
  targetAction: TargetAction | undefined;
}) {
  return (
    <>
      <th scope="row" className="indicator-name">
        {indicatorLabel(indicator.name, indicator.unit)}
      </th>
      {actualYears.map((year) => {
        const actual = indicator.actuals.find((cell) => cell.fiscalYear === year);
        return actual ? <ValueCell key={year} cell={actual} /> : <td key={year} className="cell-value" />;
      })}
      <TargetCell indicator={indicator} action={targetAction?.(indicator)} />
      <ValueCell cell={indicator.result} />
      <td className="indicator-note">{indicator.note ?? ''}</td>
      <td className="indicator-achievement">{indicator.achievement ?? ''}</td>
      <td className="indicator-evaluation">
        {indicator.evaluation && (
          <span className="evaluation" data-evaluation={indicator.evaluation}>
            {indicator.evaluation}
          </span>
        )}
        {indicator.suggestion && indicator.suggestion.evaluation !== indicator.evaluation && (
          // The rule's suggestion beside a different human judgement, and the reason given for it.
          <span className="evaluation-suggestion">
            基準による目安: {indicator.suggestion.evaluation}
            <span className="evaluation-basis">（{indicator.suggestion.basis}）</span>
          </span>
        )}
        {indicator.evaluationReason && (
          <span className="evaluation-reason">理由: {indicator.evaluationReason}</span>
        )}
      </td>
    </>
  );
}

/**
 * One goal: a row per indicator. No., 部区, 組織目標 and 主な取組 span all of them, as in the official
 * sheet. A goal without indicators still gets its row.
 */
export function GoalRows({
  goal,
  actualYears,
  targetAction,
}: {
  goal: SheetGoal;
  actualYears: number[];
  targetAction?: TargetAction | undefined;
}) {
  const [first, ...rest] = goal.indicators;
  const rowSpan = Math.max(1, goal.indicators.length);
  return (
    <tbody className="goal">
      <tr>
        <GoalCells goal={goal} rowSpan={rowSpan} />
        {first ? (
          <IndicatorCells indicator={first} actualYears={actualYears} targetAction={targetAction} />
        ) : (
          <td colSpan={indicatorDetailColumns + 1} className="no-indicator">
            指標は設定されていません
          </td>
        )}
      </tr>
      {rest.map((indicator) => (
        <tr key={indicator.placementId}>
          <IndicatorCells indicator={indicator} actualYears={actualYears} targetAction={targetAction} />
        </tr>
      ))}
    </tbody>
  );
}
