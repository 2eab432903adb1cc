import { lazy, type ReactNode, Suspense, useState } from 'react';
import type { SheetColumnLabels } from '../../../domain/fiscal-year';
import { goalAnchor, indicatorAnchor } from '../../../domain/sheet-anchor';
import { indicatorLabel } from '../../../domain/sheet-text';
import type { SheetGoal, SheetIndicator } from '../../../schemas/sheet';
import { HistoryToggle, hasNumbers } from '../indicators/HistoryToggle';
import { KeepNumbers } from './KeepNumbers';
import { TargetCell, ValueCell } from './ValueCell';

/** The code could not be loaded (the network dropped): say so, where the history would be. */
function HistoryUnavailable() {
  return <p className="muted">推移を読み込めませんでした。再読み込みしてからもう一度お試しください。</p>;
}

// The history (its table, and then its chart) is loaded when one is first opened: most readers never do.
const IndicatorHistory = lazy(() =>
  import('../indicators/IndicatorHistory').then(
    (m) => ({ default: m.IndicatorHistory }),
    () => ({ default: HistoryUnavailable }),
  ),
);

/** Something to offer next to an indicator's target (「目標の修正」), screen only. */
export type TargetAction = (indicator: SheetIndicator) => ReactNode;
/** Something to offer in a 実績 or 結果 cell of a year (「訂正」), screen only. */
export type ValueAction = (indicator: SheetIndicator, fiscalYear: number) => ReactNode;

/** Number of value columns an indicator row has after its name (3 実績, 目標, 結果, note, status, 評価). */
const indicatorDetailColumns = 8;

function GoalCells({ goal, goalIndex, rowSpan }: { goal: SheetGoal; goalIndex: number; rowSpan: number }) {
  return (
    <>
      <th scope="rowgroup" rowSpan={rowSpan} className="goal-no" id={goalAnchor(goalIndex)} data-label="No.">
        {goal.no}
      </th>
      <td rowSpan={rowSpan} className="goal-parent" data-label="部区">
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
      <td rowSpan={rowSpan} className="goal-text" data-label="組織目標">
        {goal.text}
      </td>
      <td rowSpan={rowSpan} className="goal-initiatives" data-label="主な取組（事業）">
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

/** 「推移を見る」 for one indicator, when the sheet offers history charts. */
type History = { open: boolean; onToggle: () => void };

function IndicatorCells({
  indicator,
  fiscalYear,
  labels,
  targetAction,
  valueAction,
  history,
}: {
  indicator: SheetIndicator;
  fiscalYear: number;
  labels: SheetColumnLabels;
  targetAction: TargetAction | undefined;
  valueAction: ValueAction | undefined;
  history: History | undefined;
}) {
  const corrected = (year: number) => indicator.corrections.some((note) => note.fiscalYear === year);
  return (
    <>
      <th
        scope="row"
        className="indicator-name"
        data-label="項目（単位）"
        // Named by the indicator alone, not by the 「推移を見る」 button in it.
        aria-label={history ? indicatorLabel(indicator.name, indicator.unit) : undefined}
      >
        <KeepNumbers text={indicatorLabel(indicator.name, indicator.unit)} />
        {history && <HistoryToggle indicator={indicator} {...history} />}
      </th>
      {labels.actuals.map(({ year, label }) => {
        const actual = indicator.actuals.find((cell) => cell.fiscalYear === year);
        return (
          <ValueCell
            key={year}
            label={label}
            cell={actual ?? { text: null, value: null, breakdown: [] }}
            corrected={corrected(year)}
            action={valueAction?.(indicator, year)}
          />
        );
      })}
      <TargetCell indicator={indicator} label={labels.target} action={targetAction?.(indicator)} />
      <ValueCell
        label={labels.result}
        cell={indicator.result}
        corrected={corrected(fiscalYear)}
        action={valueAction?.(indicator, fiscalYear)}
      />
      <td className="indicator-note" data-label="補足・参考指標">
        <KeepNumbers text={indicator.note} />
      </td>
      <td className="indicator-achievement" data-label="目標達成状況">
        <KeepNumbers text={indicator.achievement} />
      </td>
      <td className="indicator-evaluation" data-label="評価">
        {indicator.evaluation && (
          <span className="evaluation" data-evaluation={indicator.evaluation}>
            {indicator.evaluation}
          </span>
        )}
        {indicator.suggestion && indicator.suggestion.evaluation !== indicator.evaluation && (
          // The rule's suggestion beside a different human judgement, and the reason given for it.
          <span className="evaluation-suggestion">
            基準による目安：{indicator.suggestion.evaluation}
            <span className="evaluation-basis">（{indicator.suggestion.basis}）</span>
          </span>
        )}
        {indicator.evaluationReason && (
          <span className="evaluation-reason">理由：{indicator.evaluationReason}</span>
        )}
      </td>
    </>
  );
}

/**
 * One goal: a row per indicator. No., 部区, 組織目標 and 主な取組 span all of them, as in the official
 * sheet. A goal without indicators still gets its row. With `withHistory`, each indicator with
 * numbers offers its history chart, opened in a row of its own under the indicator's row.
 */
export function GoalRows({
  goal,
  goalIndex,
  fiscalYear,
  labels,
  targetAction,
  valueAction,
  withHistory = false,
}: {
  goal: SheetGoal;
  goalIndex: number;
  fiscalYear: number;
  labels: SheetColumnLabels;
  targetAction?: TargetAction | undefined;
  valueAction?: ValueAction | undefined;
  withHistory?: boolean;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (placementId: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(placementId)) next.add(placementId);
      return next;
    });
  const historyOf = (indicator: SheetIndicator): History | undefined =>
    withHistory && hasNumbers(indicator)
      ? { open: open.has(indicator.placementId), onToggle: () => toggle(indicator.placementId) }
      : undefined;
  const charts = goal.indicators.filter((indicator) => open.has(indicator.placementId)).length;
  const rowSpan = Math.max(1, goal.indicators.length) + charts;
  const [first] = goal.indicators;
  return (
    <tbody className="goal">
      {first === undefined && (
        <tr>
          <GoalCells goal={goal} goalIndex={goalIndex} rowSpan={rowSpan} />
          <td colSpan={indicatorDetailColumns + 1} className="no-indicator">
            指標は設定されていません
          </td>
        </tr>
      )}
      {goal.indicators.map((indicator, index) => (
        <IndicatorRows
          key={indicator.placementId}
          goalCells={index === 0 ? <GoalCells goal={goal} goalIndex={goalIndex} rowSpan={rowSpan} /> : null}
          id={indicatorAnchor(goalIndex, index)}
          indicator={indicator}
          fiscalYear={fiscalYear}
          labels={labels}
          targetAction={targetAction}
          valueAction={valueAction}
          history={historyOf(indicator)}
        />
      ))}
    </tbody>
  );
}

/** An indicator's row and, when opened, the row of its history chart. */
function IndicatorRows({
  goalCells,
  id,
  history,
  ...cells
}: {
  goalCells: ReactNode;
  id: string;
  indicator: SheetIndicator;
  fiscalYear: number;
  labels: SheetColumnLabels;
  targetAction: TargetAction | undefined;
  valueAction: ValueAction | undefined;
  history: History | undefined;
}) {
  return (
    <>
      <tr id={id}>
        {goalCells}
        <IndicatorCells {...cells} history={history} />
      </tr>
      {history?.open && (
        <tr className="history-row app-chrome">
          <td colSpan={indicatorDetailColumns + 1}>
            <Suspense fallback={<p role="status">推移を読み込んでいます…</p>}>
              <IndicatorHistory indicator={cells.indicator} />
            </Suspense>
          </td>
        </tr>
      )}
    </>
  );
}
