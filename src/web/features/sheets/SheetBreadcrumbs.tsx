import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { SheetDetail } from '../../../schemas/sheet';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { inMunicipality } from '../../route-params';

/**
 * 部区・年度を選ぶ › <ward and year> › <sheet> › <current>: the trail of every page about one
 * sheet. Without `current`, the sheet itself is the current page. `plain`: plain links, for the
 * page the server sends already drawn (before the app's router runs), to the same addresses as
 * the router writes them (a journey compares the two), given the default municipality.
 */
export function SheetBreadcrumbs({
  sheet,
  current,
  plain = false,
}: {
  sheet: SheetDetail;
  current?: string;
  /** The default municipality's name (null: none yet), or false for the app's own links. */
  plain?: string | null | false;
}) {
  const wardYear = `${sheet.municipality} ${sheet.ward.name} ${formatFiscalYear(sheet.fiscalYear)}`;
  const wardYearPath = `/years/${sheet.fiscalYear}/wards/${encodeURIComponent(sheet.ward.name)}`;
  const items =
    plain !== false
      ? [
          <a key="home" href="/">
            部区・年度を選ぶ
          </a>,
          <a key="ward" href={inMunicipality(wardYearPath, sheet.municipality, plain)}>
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
