import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { SheetDetail } from '../../../schemas/sheet';
import { Breadcrumbs } from '../../components/Breadcrumbs';

/**
 * 部区・年度を選ぶ › <ward and year> › <sheet> › <current>: the trail of every page about one
 * sheet. Without `current`, the sheet itself is the current page.
 */
export function SheetBreadcrumbs({ sheet, current }: { sheet: SheetDetail; current?: string }) {
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  const items = [
    <Link key="home" to="/">
      部区・年度を選ぶ
    </Link>,
    <Link
      key="ward"
      to="/years/$fiscalYear/wards/$wardName"
      params={{ fiscalYear: sheet.fiscalYear, wardName: sheet.ward.name }}
      search={{ municipality: sheet.municipality }}
    >
      {`${wardLabel} ${formatFiscalYear(sheet.fiscalYear)}`}
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

/**
 * The sheet's trail as plain links, for the page the server sends already drawn (before the app
 * runs): the addresses the router's links above make (a journey compares the two).
 */
export function PlainSheetBreadcrumbs({ sheet }: { sheet: SheetDetail }) {
  const wardYear = `/years/${sheet.fiscalYear}/wards/${encodeURIComponent(sheet.ward.name)}?${new URLSearchParams({ municipality: sheet.municipality })}`;
  const items = [
    <a key="home" href="/">
      部区・年度を選ぶ
    </a>,
    <a key="ward" href={wardYear}>
      {`${sheet.municipality} ${sheet.ward.name} ${formatFiscalYear(sheet.fiscalYear)}`}
    </a>,
  ];
  return <Breadcrumbs items={items} current={sheet.title} />;
}
