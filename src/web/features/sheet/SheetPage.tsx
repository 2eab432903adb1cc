import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { sheetQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SheetHeader } from './SheetHeader';
import { SheetNarratives } from './SheetNarratives';
import { SheetTable } from './SheetTable';

const route = getRouteApi('/sheets/$sheetId');

/** `/sheets/:id`: one organization's sheet in the official layout, ready to print on A4 landscape. */
export function SheetPage() {
  const { sheetId } = route.useParams();
  const { data: sheet } = useSuspenseQuery(sheetQuery(sheetId));
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  useDocumentTitle(`${sheet.title} ${yearLabel}（${wardLabel}）`);

  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
          <Link
            key="ward"
            to="/years/$fiscalYear/wards/$wardName"
            params={{ fiscalYear: sheet.fiscalYear, wardName: sheet.ward.name }}
            search={{ municipality: sheet.municipality }}
          >
            {`${wardLabel} ${yearLabel}`}
          </Link>,
        ]}
        current={sheet.title}
      />
      <div className="sheet-toolbar app-chrome">
        <p className="sheet-toolbar__context">{`${wardLabel} ${yearLabel} ${sheet.title}`}</p>
        <button type="button" className="button" onClick={() => window.print()}>
          印刷
        </button>
      </div>
      <article className="sheet" aria-label={`${sheet.title}の組織目標管理シート`}>
        <SheetHeader sheet={sheet} />
        <SheetTable sheet={sheet} />
        <SheetNarratives sheet={sheet} />
      </article>
    </>
  );
}
