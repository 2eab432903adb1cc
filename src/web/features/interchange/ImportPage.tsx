import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { meQuery, wardYearSheetsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnWard } from '../../lib/ward-permissions';
import { WardYearBreadcrumbs } from '../ward-sheets/WardYearBreadcrumbs';
import { ImportForm } from './ImportForm';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName/import');

/**
 * `/years/:fiscalYear/wards/:wardName/import`: 企画担当 and 管理者 send a file — an Excel workbook
 * (the 部区's download, edited, or the blank template filled in) or an interchange JSON — for
 * this 部区's year (`ImportForm`; a file of another is called out in its preview).
 */
export function ImportPage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality } = route.useSearch();
  const { data } = useSuspenseQuery(wardYearSheetsQuery({ fiscalYear, ward: wardName, municipality }));
  const { data: me } = useQuery(meQuery());
  const wardLabel = `${data.ward.municipality} ${data.ward.name}`;
  const yearLabel = formatFiscalYear(data.fiscalYear);
  useDocumentTitle(`Excel から取り込む ${wardLabel} ${yearLabel}`);
  const allowed = canOnWard(me, 'import', data.ward);
  return (
    <>
      <WardYearBreadcrumbs
        fiscalYear={fiscalYear}
        wardName={wardName}
        municipality={data.ward.municipality}
        current="Excel から取り込む"
      />
      <h1>
        Excel から取り込む
        <span className="heading-sub">{`${wardLabel} ${yearLabel}`}</span>
      </h1>
      {!allowed ? (
        <p className="notice notice--warning">
          {`シートを取り込めるのは、この部区の企画担当と管理者です。${me?.user ? '' : 'ログインしてからお試しください。'}`}
        </p>
      ) : (
        <ImportForm
          expected={{
            fiscalYear: data.fiscalYear,
            ward: data.ward.name,
            municipality: data.ward.municipality,
          }}
        />
      )}
    </>
  );
}
