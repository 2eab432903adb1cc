import { formatNumber } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { OverviewIndicator } from '../../../schemas/overview';

const width = 120;
const height = 36;
const pad = 5;

interface Point {
  fiscalYear: number;
  value: number | null;
  text: string | null;
  label: string;
}

/** The indicator's 実績 of the three years before, then this year's 結果. */
function pointsOf(indicator: OverviewIndicator, fiscalYear: number): Point[] {
  return [
    ...indicator.actuals.map((a) => ({
      fiscalYear: a.fiscalYear,
      value: a.value,
      text: a.text,
      label: `${formatFiscalYearShort(a.fiscalYear)}実績`,
    })),
    {
      fiscalYear,
      value: indicator.result.value,
      text: indicator.result.text,
      label: `${formatFiscalYearShort(fiscalYear)}結果`,
    },
  ];
}

const said = (value: number | null, text: string | null, unit: string | null) =>
  value === null ? (text ?? 'なし') : `${formatNumber(value)}${unit ?? ''}`;

/** The trend in words, for screen readers and the tooltip: every year, then the target. */
function trendWords(indicator: OverviewIndicator, fiscalYear: number): string {
  const years = pointsOf(indicator, fiscalYear).map(
    (p) => `${p.label} ${said(p.value, p.text, indicator.unit)}`,
  );
  return `${years.join('、')}（目標 ${said(indicator.target.value, indicator.target.text, indicator.unit)}）`;
}

/**
 * A small line of the 実績 and this year's 結果 (solid, filled dots) against this year's target
 * (a dashed line, an open dot): drawn only when at least two years have numbers. The numbers are
 * in its label and beside it, so the drawing is never the only place they are.
 */
export function IndicatorTrend({
  indicator,
  fiscalYear,
}: {
  indicator: OverviewIndicator;
  fiscalYear: number;
}) {
  const points = pointsOf(indicator, fiscalYear);
  const known = points.filter((p) => p.value !== null);
  if (known.length < 2) return null;
  const values = [
    ...known.map((p) => p.value ?? 0),
    ...(indicator.target.value === null ? [] : [indicator.target.value]),
  ];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low || 1;
  const x = (index: number) => pad + (index * (width - 2 * pad)) / (points.length - 1);
  const y = (value: number) => height - pad - ((value - low) * (height - 2 * pad)) / span;
  const line = points
    .map((p, index) => (p.value === null ? null : `${x(index).toFixed(1)},${y(p.value).toFixed(1)}`))
    .filter((xy) => xy !== null)
    .join(' ');
  const last = points.length - 1;
  const target = indicator.target.value;
  return (
    <svg
      className="indicator-trend"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`推移：${trendWords(indicator, fiscalYear)}`}
    >
      <title>{trendWords(indicator, fiscalYear)}</title>
      {target !== null && (
        <line className="indicator-trend__target" x1={pad} x2={width - pad} y1={y(target)} y2={y(target)} />
      )}
      <polyline className="indicator-trend__line" points={line} />
      {points.map((p, index) =>
        p.value === null ? null : (
          <circle key={p.fiscalYear} className="indicator-trend__dot" cx={x(index)} cy={y(p.value)} r={2.5} />
        ),
      )}
      {target !== null && <circle className="indicator-trend__goal" cx={x(last)} cy={y(target)} r={3.5} />}
    </svg>
  );
}
