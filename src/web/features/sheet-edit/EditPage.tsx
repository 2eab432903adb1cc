import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { editableParts } from '../../../domain/sheet-lifecycle';
import { sheetQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SheetBreadcrumbs } from '../sheets/SheetBreadcrumbs';
import { StatusBadge } from '../sheets/StatusBadge';
import { ReturnNotice } from '../sheets/WorkflowNotices';
import { OthersEditing } from './OthersEditing';
import { SheetEditor } from './SheetEditor';
import '../../styles/editor.css';

const route = getRouteApi('/sheets/$sheetId/edit');

function partsNote(status: Parameters<typeof editableParts>[0]): string {
  const parts = editableParts(status);
  if (parts.has('plan'))
    return '下書きの間は、計画（目標・主な取組・指標・目標値・実績など）を編集できます。結果と評価は、承認後に入力します。';
  if (parts.has('results'))
    return '承認済みのシートでは、結果・目標達成状況・評価・取り組みの結果について・補足を入力できます。目標を変えるときは、シートの画面の「目標の修正」から申請します。';
  return '今の状態では編集できる項目はありません。';
}

/** `/sheets/:id/edit`: the editor, for those the API allows to edit the sheet now. */
export function EditPage() {
  const { sheetId } = route.useParams();
  const { data: sheet } = useSuspenseQuery(sheetQuery(sheetId));
  const yearLabel = formatFiscalYear(sheet.fiscalYear);
  const wardLabel = `${sheet.municipality} ${sheet.ward.name}`;
  useDocumentTitle(`編集：${sheet.title} ${yearLabel}（${wardLabel}）`);

  return (
    <>
      <SheetBreadcrumbs sheet={sheet} current="編集" />
      <h1 id="edit-title" tabIndex={-1}>
        組織目標管理シートの編集
        <span className="heading-sub">{`${wardLabel} ${yearLabel} ${sheet.title}`}</span>
      </h1>
      <p className="edit-status">
        <StatusBadge status={sheet.status} />
      </p>
      {sheet.permissions.edit ? (
        <>
          <p className="lead">{partsNote(sheet.status)}</p>
          <ReturnNotice lastReturn={sheet.workflow?.lastReturn ?? null} />
          <OthersEditing sheetId={sheet.id} />
          <SheetEditor key={sheet.id} sheet={sheet} />
        </>
      ) : (
        <div className="notice notice--info">
          <p>このシートを今の状態で編集する権限がありません。</p>
          <p>
            <Link to="/sheets/$sheetId" params={{ sheetId }}>
              シートに戻る
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
