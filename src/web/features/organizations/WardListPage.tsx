import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Ward } from '../../../schemas/sheet';
import { wardsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';

type Municipality = { name: string; wards: Ward[] };

function byMunicipality(wards: Ward[]): Municipality[] {
  const groups = new Map<string, Ward[]>();
  for (const ward of wards) {
    const group = groups.get(ward.municipality) ?? [];
    group.push(ward);
    groups.set(ward.municipality, group);
  }
  return [...groups].map(([name, list]) => ({ name, wards: list }));
}

function WardYears({ ward }: { ward: Ward }) {
  const years = [...ward.fiscalYears].sort((a, b) => b - a);
  if (years.length === 0) return <p className="muted">公開されている年度はまだありません。</p>;
  return (
    <ul className="link-list">
      {years.map((fiscalYear) => (
        <li key={fiscalYear}>
          <Link
            to="/years/$fiscalYear/wards/$wardName"
            params={{ fiscalYear, wardName: ward.name }}
            search={{ municipality: ward.municipality }}
          >
            {`${ward.municipality} ${ward.name} — ${formatFiscalYear(fiscalYear)}`}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The municipality's years across its 部区, newest first. */
function MunicipalityYears({ municipality }: { municipality: Municipality }) {
  const years = [...new Set(municipality.wards.flatMap((ward) => ward.fiscalYears))].sort((a, b) => b - a);
  if (years.length === 0) return null;
  return (
    <p className="municipality-years">
      {'部区ごとの評価の内訳：'}
      {years.map((fiscalYear, index) => (
        <span key={fiscalYear}>
          {index > 0 && '・'}
          <Link
            to="/years/$fiscalYear/municipalities/$municipalityName"
            params={{ fiscalYear, municipalityName: municipality.name }}
          >
            {formatFiscalYear(fiscalYear)}
          </Link>
        </span>
      ))}
    </p>
  );
}

/** `/`: every ward (部区) with the fiscal years whose sheets can be read. */
export function WardListPage() {
  const { data: wards } = useSuspenseQuery(wardsQuery());
  useDocumentTitle('部区・年度を選ぶ');
  const municipalities = byMunicipality(wards);

  return (
    <>
      <h1>部区・年度を選ぶ</h1>
      <p className="lead">
        部区と年度を選ぶと、その年度の評価の内訳と、各組織の目標・指標の推移、組織目標管理シートを見ることができます。言葉で探すときは、上の検索を使ってください。
      </p>
      {municipalities.length === 0 && <p>公開されている組織目標管理シートはまだありません。</p>}
      {municipalities.map((municipality) => (
        <section key={municipality.name} className="card-section" aria-labelledby={`m-${municipality.name}`}>
          <h2 id={`m-${municipality.name}`}>{municipality.name}</h2>
          <MunicipalityYears municipality={municipality} />
          <div className="ward-grid">
            {municipality.wards.map((ward) => (
              <section key={ward.id} className="ward-card" aria-labelledby={`w-${ward.id}`}>
                <h3 id={`w-${ward.id}`}>{ward.name}</h3>
                <WardYears ward={ward} />
              </section>
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
