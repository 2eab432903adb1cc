import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { formatNumber, parseCell, qualifierWords } from '../../../domain/cell-value';
import { formatFiscalYearShort } from '../../../domain/fiscal-year';
import type { IndicatorSeries } from '../../../schemas/indicator-series';

const height = 240;

/** A design token's colour as the page resolved it (canvas cannot read CSS variables). */
function tokenColor(element: HTMLElement, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

const font = '12px "BIZ UDPGothic", sans-serif';

/** 以上 / 以下 / 超 / 未満 of each year's target, to write after its number (「目標 50以上」). */
function targetBounds(series: IndicatorSeries): string[] {
  return series.points.map((p) => {
    const { qualifier } = parseCell(p.target?.text);
    return qualifier ? qualifierWords[qualifier] : '';
  });
}

/**
 * Each number written at its point, as on a printed chart, on the side away from the other line
 * so the two never overlap: the higher of a year's result and target above its point, the lower
 * below (results in their colour; targets with their bound, 「目標 50以上」).
 */
function drawValueLabels(colors: { result: string; target: string }, bounds: string[]) {
  return (u: uPlot) => {
    const { ctx } = u;
    const xs = u.data[0];
    const results = u.data[1] ?? [];
    const targets = u.data[2] ?? [];
    const gap = 8 * uPlot.pxRatio;
    ctx.save();
    ctx.font = `${Math.round(12 * uPlot.pxRatio)}px "BIZ UDPGothic", sans-serif`;
    ctx.textAlign = 'center';
    xs.forEach((x, i) => {
      const result = results[i] ?? null;
      const target = targets[i] ?? null;
      // A lone value, or a result at least its target: the result above, the target below.
      const resultAbove = result === null || target === null || result >= target;
      for (const [value, color, above, label] of [
        [result, colors.result, resultAbove, result === null ? '' : formatNumber(result)],
        [
          target,
          colors.target,
          !resultAbove,
          target === null ? '' : `目標 ${formatNumber(target)}${bounds[i] ?? ''}`,
        ],
      ] as const) {
        if (value === null) continue;
        ctx.fillStyle = color;
        ctx.textBaseline = above ? 'bottom' : 'top';
        ctx.fillText(label, u.valToPos(x, 'x', true), u.valToPos(value, 'y', true) + (above ? -gap : gap));
      }
    });
    ctx.restore();
  };
}

function chartOptions(element: HTMLElement, series: IndicatorSeries): uPlot.Options {
  const years = series.points.map((p) => p.fiscalYear);
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  const resultColor = tokenColor(element, '--color-primitive-blue-900', '#0031d8');
  const targetColor = tokenColor(element, '--color-primitive-orange-900', '#c74700');
  const textColor = tokenColor(element, '--color-neutral-solid-gray-800', '#333');
  const gridColor = tokenColor(element, '--color-neutral-solid-gray-200', '#ccc');
  const axis = {
    font,
    stroke: textColor,
    grid: { stroke: gridColor, width: 1 },
    ticks: { stroke: gridColor },
  };
  return {
    width: Math.max(element.clientWidth, 240),
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: [first - 0.5, last + 0.5] },
      y: { range: (_u, min, max) => uPlot.rangeNum(Math.min(0, min), max, 0.15, true) },
    },
    axes: [
      {
        ...axis,
        splits: () => years,
        values: (_u, splits) => splits.map((year) => formatFiscalYearShort(year)),
      },
      { ...axis, size: 72, values: (_u, splits) => splits.map((value) => formatNumber(value)) },
    ],
    series: [
      {},
      { label: '結果', stroke: resultColor, width: 3, points: { size: 9, fill: resultColor } },
      {
        label: '目標',
        stroke: targetColor,
        width: 2,
        dash: [6, 4],
        points: { size: 10, width: 2, fill: '#fff', stroke: targetColor },
      },
    ],
    hooks: { draw: [drawValueLabels({ result: resultColor, target: targetColor }, targetBounds(series))] },
  };
}

/** The chart of one indicator series (uPlot), sized to its box. Loaded on demand. */
export default function IndicatorChart({ series }: { series: IndicatorSeries }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const data: uPlot.AlignedData = [
      series.points.map((p) => p.fiscalYear),
      series.points.map((p) => p.result?.value ?? null),
      series.points.map((p) => p.target?.value ?? null),
    ];
    const chart = new uPlot(chartOptions(element, series), data, element);
    const observer = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(element.clientWidth, 240), height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [series]);
  return (
    <div className="indicator-chart" aria-hidden="true">
      <ul className="indicator-chart__legend">
        <li className="indicator-chart__key indicator-chart__key--result">結果（実線）</li>
        <li className="indicator-chart__key indicator-chart__key--target">目標（破線・白丸）</li>
      </ul>
      <div ref={ref} className="indicator-chart__plot" />
    </div>
  );
}
