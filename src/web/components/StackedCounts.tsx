import '../styles/charts.css';
import { percentShares } from '../../domain/evaluation-mix';
import { ScrollRegion } from './ScrollRegion';

export interface StackedPart {
  /** The CSS modifier of its colour (`stacked-bar__part--achieved`). */
  key: string;
  label: string;
  count: number;
}

/** One bar: a year, say, and its counts. A chart of one bar needs no label. */
export interface StackedRow {
  label?: string;
  parts: StackedPart[];
}

const sumOf = (parts: StackedPart[]) => parts.reduce((sum, part) => sum + part.count, 0);
const count = (n: number) => n.toLocaleString('ja-JP');

/**
 * Stacked bars and, beside them, the same counts as a table: the bars are for the eye (hidden
 * from screen readers), the table for everyone. Each part carries its words, not colour alone.
 * Several rows (this year and the year before) get a bar each and a row each, with their total
 * and each count's share.
 */
export function StackedCounts({
  id,
  title,
  unit,
  rows,
}: {
  id: string;
  title: string;
  unit: string;
  rows: StackedRow[];
}) {
  const labelled = rows.some((row) => row.label);
  const header = rows[0]?.parts ?? [];
  return (
    <figure className="stacked-counts" aria-labelledby={id}>
      <figcaption id={id} className="stacked-counts__title">
        {labelled ? `${title}（単位：${unit}）` : `${title}（計 ${count(sumOf(header))}${unit}）`}
      </figcaption>
      <div className="stacked-counts__bars" aria-hidden="true">
        {rows.map((row) => (
          <div key={row.label ?? ''} className="stacked-counts__row">
            {labelled && <span className="stacked-counts__label">{row.label}</span>}
            <div className="stacked-bar">
              {row.parts
                .filter((part) => part.count > 0)
                .map((part) => (
                  <span
                    key={part.key}
                    className={`stacked-bar__part stacked-bar__part--${part.key}`}
                    style={{ flexGrow: part.count }}
                  >
                    {`${part.label} ${part.count}`}
                  </span>
                ))}
            </div>
          </div>
        ))}
      </div>
      <ScrollRegion labelledBy={id}>
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              {labelled && <td />}
              {header.map((part) => (
                <th key={part.key} scope="col" className="num">
                  <span className={`legend-mark stacked-bar__part--${part.key}`} aria-hidden="true" />
                  {part.label}
                </th>
              ))}
              {labelled && (
                <th scope="col" className="num">
                  計
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const total = sumOf(row.parts);
              const shares = percentShares(row.parts.map((part) => part.count));
              return (
                <tr key={row.label ?? ''}>
                  {labelled && <th scope="row">{row.label}</th>}
                  {row.parts.map((part, index) => (
                    <td key={part.key} className="num">
                      {count(part.count)}
                      {labelled && total > 0 && (
                        <span className="stacked-counts__share">{`（${shares[index]?.toFixed(1)}%）`}</span>
                      )}
                    </td>
                  ))}
                  {labelled && <td className="num">{count(total)}</td>}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
