import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { snapshotStageLabels } from '../../../domain/sheet-lifecycle';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { snapshotQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SheetHeader } from '../sheets/SheetHeader';
import { SheetNarratives } from '../sheets/SheetNarratives';
import { SheetTable } from '../sheets/SheetTable';

const route = getRouteApi('/sheets/$sheetId/snapshots/$stage');

/** `/sheets/:id/snapshots/:stage`: the sheet as it stood at 作成/修正/評価, read-only. */
export function SnapshotPage() {
  const { sheetId, stage } = route.useParams();
  const { data: sheet } = useSuspenseQuery(snapshotQuery(sheetId, stage));
  const stageLabel = snapshotStageLabels[stage];
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  useDocumentTitle(`${stageLabel}のシート：${sheet.title} ${yearLabel}（${wardLabel}）`);

  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="sheet" to="/sheets/$sheetId" params={{ sheetId }}>
            {`${sheet.title} ${yearLabel}`}
          </Link>,
          <Link key="history" to="/sheets/$sheetId/history" params={{ sheetId }}>
            履歴
          </Link>,
        ]}
        current={`${stageLabel}のシート`}
      />
      <div
        className="notice notice--warning past-state app-chrome"
        role="note"
        aria-labelledby="past-state-title"
      >
        <p id="past-state-title" className="notice__title">
          {`これは${stageLabel}（版 ${sheet.version}）のシートです。現在の内容ではありません。`}
        </p>
        <p>
          <Link to="/sheets/$sheetId" params={{ sheetId }}>
            現在のシートを見る
          </Link>
        </p>
      </div>
      <article className="sheet sheet--past" aria-label={`${stageLabel}の${sheet.title}の組織目標管理シート`}>
        <SheetHeader sheet={sheet} note={`${stageLabel}の記録`} />
        <SheetTable sheet={sheet} />
        <SheetNarratives sheet={sheet} />
      </article>
    </>
  );
}
