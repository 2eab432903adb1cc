import type { SheetIndicator } from '../../../schemas/sheet';

/**
 * Whether an indicator has a history worth drawing: numbers in at least two fiscal years (its
 * 実績, and this year's target or result).
 */
export function hasNumbers(indicator: SheetIndicator): boolean {
  const years = indicator.actuals.filter((cell) => cell.value !== null).length;
  const thisYear = indicator.target.value !== null || indicator.result.value !== null ? 1 : 0;
  return years + thisYear >= 2;
}

export function historyRegionId(placementId: string): string {
  return `history-${placementId}`;
}

/** 「推移を見る」: opens the indicator's history chart under its row. Screen only. */
export function HistoryToggle({
  indicator,
  open,
  onToggle,
}: {
  indicator: SheetIndicator;
  open: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className="history-toggle app-chrome"
      aria-expanded={open}
      aria-controls={open ? historyRegionId(indicator.placementId) : undefined}
      aria-label={`${indicator.name}の推移を見る`}
      onClick={onToggle}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 16 12" className="history-toggle__icon">
        <polyline points="1,10 5,6 9,8 15,2" />
      </svg>
      推移を見る
    </button>
  );
}
