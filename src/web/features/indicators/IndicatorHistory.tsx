import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { indicatorLabel } from '../../../domain/sheet-text';
import type { SheetIndicator } from '../../../schemas/sheet';
import { indicatorSeriesQuery } from '../../lib/queries';
import { historyRegionId } from './HistoryToggle';
import { SeriesTable } from './SeriesTable';

/** When the chart's code cannot be loaded (the network dropped): say so; the table for screen readers stays. */
function ChartUnavailable() {
  return <p className="muted">グラフを読み込めませんでした。再読み込みしてからもう一度お試しください。</p>;
}

// uPlot and its CSS are loaded only when a chart is first opened.
const IndicatorChart = lazy(() => import('./IndicatorChart').catch(() => ({ default: ChartUnavailable })));

/**
 * One indicator's results and targets by fiscal year: a chart for the eye, and the same numbers
 * as a table for screen readers (the chart itself is hidden from them).
 */
export function IndicatorHistory({ indicator }: { indicator: SheetIndicator }) {
  const { data, error } = useQuery(indicatorSeriesQuery(indicator.indicatorId));
  const id = historyRegionId(indicator.placementId);
  const title = `${indicatorLabel(indicator.name, indicator.unit)}の推移`;
  return (
    <section id={id} className="indicator-history" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="indicator-history__title">
        {title}
      </p>
      {error ? (
        <p role="alert" className="form-field__error">
          {error.message}
        </p>
      ) : !data ? (
        <p role="status">推移を読み込んでいます…</p>
      ) : data.points.length === 0 ? (
        <p>記録された年度はまだありません。</p>
      ) : (
        <>
          <Suspense fallback={<p role="status">グラフを読み込んでいます…</p>}>
            <IndicatorChart series={data} />
          </Suspense>
          <SeriesTable series={data} caption={title} />
        </>
      )}
    </section>
  );
}
