import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { SheetDetail } from '../../../schemas/sheet';
import { Breadcrumbs } from '../../components/Breadcrumbs';

/**
 * 部区・年度を選ぶ › <ward and year> › <sheet> › <current>: the trail of every page about one
 * sheet. Without `current`, the sheet itself is the current page. `plain`: plain links, for the
 * page the server sends already drawn (before the app's router runs), to the same addresses (a
 * journey compares the two).
 */
export function SheetBreadcrumbs({
  sheet,
  current,
  plain = false,
}: {
  sheet: SheetDetail;
  current?: string;
  plain?: boolean;
}) {
  const wardYear = `${sheet.municipality} ${sheet.ward.name} ${formatFiscalYear(sheet.fiscalYear)}`;
  const wardYearHref = `/years/${sheet.fiscalYear}/wards/${encodeURIComponent(sheet.ward.name)}?${new URLSearchParams({ municipality: sheet.municipality })}`;
  const items = plain
    ? [
        <a key="home" href="/">
          部区・年度を選ぶ
        </a>,
        <a key="ward" href={wardYearHref}>
          {wardYear}
        </a>,
      ]
    : [
        <Link key="home" to="/">
          部区・年度を選ぶ
        </Link>,
        <Link
          key="ward"
          to="/years/$fiscalYear/wards/$wardName"
          params={{ fiscalYear: sheet.fiscalYear, wardName: sheet.ward.name }}
          search={{ municipality: sheet.municipality }}
        >
          {wardYear}
        </Link>,
      ];
  if (current) {
    items.push(
      <Link key="sheet" to="/sheets/$sheetId" params={{ sheetId: sheet.id }}>
        {sheet.title}
      </Link>,
    );
  }
  return <Breadcrumbs items={items} current={current ?? sheet.title} />;
}
