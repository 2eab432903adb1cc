import { formatNumber, parseCell, qualifierWords } from '../../../domain/cell-value';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { IndicatorSeries } from '../../../schemas/indicator-series';

type Point = IndicatorSeries['points'][number]['result'];

/**
 * The charted number with its unit and the target's bound (「9,068人」, 「50％以上」), or the text
 * when it has no number (中止).
 */
function pointText(point: Point, unit: string | null): string {
  if (!point) return '記録なし';
  if (point.value === null) return point.text ?? '記録なし';
  const { qualifier } = parseCell(point.text);
  return `${formatNumber(point.value)}${unit ?? ''}${qualifier ? qualifierWords[qualifier] : ''}`;
}

/** The chart's numbers as a table, read by screen readers instead of the picture. */
export function SeriesTable({ series, caption }: { series: IndicatorSeries; caption: string }) {
  const { unit } = series.indicator;
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">目標</th>
            <th scope="col">結果</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((point) => (
            <tr key={point.fiscalYear}>
              <th scope="row">{formatFiscalYear(point.fiscalYear)}</th>
              <td>{pointText(point.target, unit)}</td>
              <td>{pointText(point.result, unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
