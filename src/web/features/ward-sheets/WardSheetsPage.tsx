import '../../styles/ward-year.css';
import '../../styles/overview.css';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { wardYearOverviewQuery } from '../../lib/api-overview';
import { meQuery, wardYearSheetsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DeadlinesSection } from '../deadlines/DeadlinesSection';
import { DownloadsSection } from '../downloads/DownloadsSection';
import { EvaluationMixChart } from '../overview/EvaluationMixChart';
import { SheetCards } from '../overview/SheetCards';
import { YearLinks } from '../overview/YearLinks';
import { WardYearDatesSection } from '../sheet-dates/WardYearDatesSection';
import { WardSheetsTable } from './WardSheetsTable';
import { WardYearActions } from './WardYearActions';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName');

/**
 * `/years/:fiscalYear/wards/:wardName`: a 部区's year at a glance — the 評価 of its indicators
 * against the year before, and each sheet with its goals and indicators' trends. Signed-in staff
 * also get the year's work: the list with 状態・段階・期限, actions, deadlines and dates.
 */
export function WardSheetsPage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality } = route.useSearch();
  const query = { fiscalYear, ward: wardName, municipality };
  const { data } = useSuspenseQuery(wardYearSheetsQuery(query));
  const { data: overview } = useSuspenseQuery(wardYearOverviewQuery(query));
  const { data: me } = useQuery(meQuery());
  const staff = Boolean(me?.user);
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
          <Link
            key="municipality"
            to="/years/$fiscalYear/municipalities/$municipalityName"
            params={{ fiscalYear: data.fiscalYear, municipalityName: data.ward.municipality }}
          >
            {`${data.ward.municipality} ${yearLabel}`}
          </Link>,
        ]}
        current={`${wardLabel} ${yearLabel}`}
      />
      <h1>
        {wardLabel} {yearLabel}
        <span className="heading-sub">組織目標管理シート</span>
      </h1>
      <YearLinks
        years={data.ward.fiscalYears}
        current={data.fiscalYear}
        linkTo={(year, label) => (
          <Link
            to="/years/$fiscalYear/wards/$wardName"
            params={{ fiscalYear: year, wardName: data.ward.name }}
            search={{ municipality: data.ward.municipality }}
          >
            {label}
          </Link>
        )}
      />
      {staff && <WardYearActions key={`actions:${yearKey}`} data={data} />}
      {data.sheets.length === 0 ? (
        <p>この部区・年度に公開されている組織目標管理シートはありません。</p>
      ) : (
        <>
          <section className="overview-section" aria-labelledby="mix-title">
            <h2 id="mix-title">評価の内訳</h2>
            <p className="lead">
              各組織が指標ごとに行った評価（達成・一部未達成・未達成）と、まだ評価していない指標（未評価）の数です。前年度のシートがあれば並べて示します。
            </p>
            <EvaluationMixChart
              id="ward-mix"
              title={`${data.ward.name}の指標の評価`}
              current={{ fiscalYear: data.fiscalYear, evaluations: data.totals.evaluations }}
              previous={overview.previous}
            />
          </section>
          {staff && (
            <section className="overview-section" aria-labelledby="progress-title">
              <h2 id="progress-title">シートの進み具合</h2>
              <WardSheetsTable data={data} caption={`${wardLabel} ${yearLabel}の組織目標管理シート`} />
            </section>
          )}
          <section className="overview-section" aria-labelledby="goals-title">
            <h2 id="goals-title">組織ごとの目標と指標</h2>
            <p className="lead">
              {staff ? '' : '組織名を選ぶとシートを、'}
              目標の番号や指標名を選ぶとシートのその箇所を表示します。線は過去3年度の実績とこの年度の結果、破線はこの年度の目標です。
            </p>
            <SheetCards sheets={data.sheets} overview={overview} titleLinks={!staff} />
          </section>
        </>
      )}
      {staff && <DeadlinesSection key={`deadlines:${yearKey}`} data={data} />}
      {staff && <WardYearDatesSection key={`dates:${yearKey}`} data={data} />}
      <DownloadsSection data={data} />
    </>
  );
}
