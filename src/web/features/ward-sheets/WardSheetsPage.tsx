import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { wardYearSheetsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DeadlinesSection } from '../deadlines/DeadlinesSection';
import { DownloadsSection } from '../downloads/DownloadsSection';
import { WardYearDatesSection } from '../sheet-dates/WardYearDatesSection';
import { WardSheetsTable } from './WardSheetsTable';
import { WardYearActions } from './WardYearActions';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName');

/** `/years/:fiscalYear/wards/:wardName`: the sheets of every organization of a ward in one year. */
export function WardSheetsPage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality } = route.useSearch();
  const query = { fiscalYear, ward: wardName, municipality };
  const { data } = useSuspenseQuery(wardYearSheetsQuery(query));
  const yearLabel = formatFiscalYear(data.fiscalYear);
  const wardLabel = `${data.ward.municipality} ${data.ward.name}`;
  useDocumentTitle(`${wardLabel} ${yearLabel}`);
  // Another year or ward is another page: its forms and messages start afresh.
  const yearKey = `${data.ward.id}:${data.fiscalYear}`;

  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current={`${wardLabel} ${yearLabel}`}
      />
      <h1>
        {wardLabel} {yearLabel}
        <span className="heading-sub">組織目標管理シート一覧</span>
      </h1>
      <p className="lead">
        組織名を選ぶと、その組織の組織目標管理シートを表示します。評価の数は、指標ごとの評価（達成・一部未達成・未達成）を数えたものです。
      </p>
      <WardYearActions key={`actions:${yearKey}`} data={data} />
      {data.sheets.length === 0 ? (
        <p>この部区・年度に公開されている組織目標管理シートはありません。</p>
      ) : (
        <WardSheetsTable data={data} caption={`${wardLabel} ${yearLabel}の組織目標管理シート`} />
      )}
      <DeadlinesSection key={`deadlines:${yearKey}`} data={data} />
      <WardYearDatesSection key={`dates:${yearKey}`} data={data} />
      <DownloadsSection data={data} />
    </>
  );
}
