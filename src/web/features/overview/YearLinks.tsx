import type { ReactNode } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';

/**
 * The years a page also exists for, newest first, the one shown marked as the current page;
 * `linkTo` draws the way to another year (a 部区's or a municipality's).
 */
export function YearLinks({
  years,
  current,
  linkTo,
}: {
  years: readonly number[];
  current: number;
  linkTo: (fiscalYear: number, label: string) => ReactNode;
}) {
  if (years.length < 2) return null;
  return (
    <nav className="year-links" aria-label="年度">
      <span className="year-links__label">年度：</span>
      <ul>
        {years.map((year) => (
          <li key={year}>
            {year === current ? (
              <span aria-current="page">{formatFiscalYear(year)}</span>
            ) : (
              linkTo(year, formatFiscalYear(year))
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
