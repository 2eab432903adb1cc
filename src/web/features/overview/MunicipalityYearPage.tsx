import '../../styles/overview.css';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { evaluationTallies } from '../../../domain/progress-board';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ScrollRegion } from '../../components/ScrollRegion';
import { municipalityYearOverviewQuery } from '../../lib/api-overview';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EvaluationMixChart } from './EvaluationMixChart';
import { YearLinks } from './YearLinks';

const route = getRouteApi('/years/$fiscalYear/municipalities/$municipalityName');

/** The share of 達成 among the evaluated indicators, in words (「72.1%」), or 「―」 with none. */
function achievedShare(evaluations: Record<(typeof evaluationTallies)[number], number>): string {
  const evaluated = evaluations.達成 + evaluations.一部未達成 + evaluations.未達成;
  return evaluated === 0 ? '―' : `${(Math.round((evaluations.達成 * 1000) / evaluated) / 10).toFixed(1)}%`;
}

/**
 * `/years/:fiscalYear/municipalities/:name`: a municipality's year across its 部区 — the 評価 of
 * every indicator against the year before, and each 部区's with the way to its page.
 */
export function MunicipalityYearPage() {
  const { fiscalYear, municipalityName } = route.useParams();
  const { data } = useSuspenseQuery(
    municipalityYearOverviewQuery({ fiscalYear, municipality: municipalityName }),
  );
  const yearLabel = formatFiscalYear(data.fiscalYear);
  useDocumentTitle(`${data.municipality} ${yearLabel}`);
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current={`${data.municipality} ${yearLabel}`}
      />
      <h1>
        {data.municipality} {yearLabel}
        <span className="heading-sub">組織目標の評価（部区ごと）</span>
      </h1>
      <YearLinks
        years={data.fiscalYears}
        current={data.fiscalYear}
        linkTo={(year, label) => (
          <Link
            to="/years/$fiscalYear/municipalities/$municipalityName"
            params={{ fiscalYear: year, municipalityName: data.municipality }}
          >
            {label}
          </Link>
        )}
      />
      {data.sheetCount === 0 ? (
        <p>{`${yearLabel}に公開されている組織目標管理シートはありません。`}</p>
      ) : (
        <section className="overview-section" aria-labelledby="mix-title">
          <h2 id="mix-title">評価の内訳</h2>
          <p className="lead">{`${data.municipality}の${data.sheetCount}件のシートの指標ごとの評価です。前年度のシートがあれば並べて示します。`}</p>
          <EvaluationMixChart
            id="municipality-mix"
            title={`${data.municipality}の指標の評価`}
            current={{ fiscalYear: data.fiscalYear, evaluations: data.evaluations }}
            previous={data.previous}
          />
        </section>
      )}
      {data.wards.length > 0 && (
        <section className="overview-section" aria-labelledby="wards-title">
          <h2 id="wards-title">部区ごとの評価</h2>
          <ScrollRegion labelledBy="wards-caption">
            <table className="data-table">
              <caption id="wards-caption">{`${data.municipality} ${yearLabel}の部区ごとの指標の評価`}</caption>
              <thead>
                <tr>
                  <th scope="col">部区</th>
                  <th scope="col" className="num">
                    シート数
                  </th>
                  {evaluationTallies.map((tally) => (
                    <th key={tally} scope="col" className="num">
                      {tally}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    達成の割合
                  </th>
                  <th scope="col" className="num">
                    {`前年度（${formatFiscalYear(data.fiscalYear - 1)}）の達成の割合`}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.wards.map((ward) => (
                  <tr key={ward.id}>
                    <th scope="row">
                      {ward.sheetCount > 0 ? (
                        <Link
                          to="/years/$fiscalYear/wards/$wardName"
                          params={{ fiscalYear: data.fiscalYear, wardName: ward.name }}
                          search={{ municipality: data.municipality }}
                        >
                          {ward.name}
                        </Link>
                      ) : (
                        ward.name
                      )}
                    </th>
                    <td className="num">{ward.sheetCount}</td>
                    {evaluationTallies.map((tally) => (
                      <td key={tally} className="num">
                        {ward.evaluations[tally]}
                      </td>
                    ))}
                    <td className="num">{achievedShare(ward.evaluations)}</td>
                    <td className="num">{ward.previous ? achievedShare(ward.previous.evaluations) : '―'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="muted">
            達成の割合は、評価した指標（達成・一部未達成・未達成）のうち達成の割合です。
          </p>
        </section>
      )}
    </>
  );
}
