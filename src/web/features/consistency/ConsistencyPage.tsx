import '../../styles/ward-year.css';
import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type Phase, phaseLabels } from '../../../domain/deadlines';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { consistencyQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { WardYearBreadcrumbs } from '../ward-sheets/WardYearBreadcrumbs';
import { type Grouping, groupFindings } from './consistency-groups';
import { FindingsTable } from './FindingsTable';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName/consistency');

const groupingLabels: Record<Grouping, string> = { kind: '種類ごと', sheet: '組織ごと' };

/** What the report lists in each phase of the year (see consistencyKindPhase). */
const phaseNotes: Record<Phase, string> = {
  plan: `この年度は「${phaseLabels.plan}」の段階です。目標の未入力、部区の目標番号、機種依存文字などを点検しています（結果・評価の未入力は評価の段階から点検します）。`,
  revision: `この年度は「${phaseLabels.revision}」の段階です。作成の点検に加え、記録のない目標の変更や、補足に書かれた修正を点検しています（結果・評価の未入力は評価の段階から点検します）。`,
  evaluation: `この年度は「${phaseLabels.evaluation}」の段階です。結果・評価の未入力、評価日を含め、すべての項目を点検しています。`,
  done: `この年度は「${phaseLabels.done}」の段階です。すべての項目を点検しています。`,
};

/**
 * `/years/:fiscalYear/wards/:wardName/consistency`: the 点検表 of a 部区's year — what to look at
 * before publication, by kind or by organization, each linked to the place to fix it. Printable.
 */
export function ConsistencyPage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality, group = 'kind' } = route.useSearch();
  const { data } = useSuspenseQuery(consistencyQuery({ fiscalYear, ward: wardName, municipality }));
  const yearLabel = formatFiscalYear(data.fiscalYear);
  const wardLabel = `${municipality ? `${municipality} ` : ''}${data.ward}`;
  useDocumentTitle(`点検表 ${wardLabel} ${yearLabel}`);
  const groups = groupFindings(data.items, group);

  return (
    <>
      <WardYearBreadcrumbs
        fiscalYear={fiscalYear}
        wardName={wardName}
        municipality={municipality}
        current="点検表"
      />
      <h1>
        点検表
        <span className="heading-sub">{`${wardLabel} ${yearLabel}`}</span>
      </h1>
      <p className="lead">
        公開の前に確かめたい点を、各組織のシートから拾い出した一覧です。「場所」のリンクから、シートの該当する行を開けます。
      </p>
      <p className="notice notice--info">{phaseNotes[data.phase]}</p>
      <p className="findings-summary">
        {`点検したシート：${data.sheets}件　見つかった項目：${data.items.length}件`}
      </p>
      {data.items.length === 0 ? (
        <p className="notice notice--info">点検で見つかった項目はありません。</p>
      ) : (
        <>
          <div className="findings-toolbar app-chrome">
            <nav aria-label="点検表の並べ方">
              <ul className="segmented">
                {(['kind', 'sheet'] as const).map((by) => (
                  <li key={by}>
                    <Link
                      to="/years/$fiscalYear/wards/$wardName/consistency"
                      params={{ fiscalYear, wardName }}
                      search={{ municipality, ...(by === 'kind' ? {} : { group: by }) }}
                      activeOptions={{ exact: true, includeSearch: true }}
                      aria-current={by === group ? 'page' : undefined}
                      className="segmented__item"
                    >
                      {groupingLabels[by]}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              印刷
            </button>
          </div>
          {groups.map((findings, index) => (
            <section key={findings.key} className="findings-group" aria-labelledby={`findings-${index}`}>
              <h2 id={`findings-${index}`}>
                {findings.heading}
                <span className="findings-group__count">{`（${findings.items.length}件）`}</span>
              </h2>
              <FindingsTable items={findings.items} groupedBy={group} labelledBy={`findings-${index}`} />
            </section>
          ))}
        </>
      )}
    </>
  );
}
