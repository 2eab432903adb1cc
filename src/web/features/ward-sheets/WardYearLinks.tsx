import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Ward } from '../../../schemas/sheet';

/** The 部区's other years, newest first, the one shown marked as the current page. */
export function WardYearLinks({ ward, fiscalYear }: { ward: Ward; fiscalYear: number }) {
  if (ward.fiscalYears.length < 2) return null;
  return (
    <nav className="year-links" aria-label="年度">
      <span className="year-links__label">年度：</span>
      <ul>
        {ward.fiscalYears.map((year) => (
          <li key={year}>
            {year === fiscalYear ? (
              <span aria-current="page">{formatFiscalYear(year)}</span>
            ) : (
              <Link
                to="/years/$fiscalYear/wards/$wardName"
                params={{ fiscalYear: year, wardName: ward.name }}
                search={{ municipality: ward.municipality }}
              >
                {formatFiscalYear(year)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
