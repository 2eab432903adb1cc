import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { FormField } from '../../components/FormField';
import { JobProgress } from '../../components/JobProgress';
import { importSummarySchema, startXlsxImport } from '../../lib/api-downloads';
import { meQuery, wardYearSheetsQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useJob } from '../../lib/use-job';
import { canOnWard } from '../../lib/ward-permissions';
import { WardYearBreadcrumbs } from '../ward-sheets/WardYearBreadcrumbs';
import { ImportFailure, ImportSuccess } from './ImportResult';

const route = getRouteApi('/years/$fiscalYear/wards/$wardName/import');
const fileId = 'import-file';

/**
 * `/years/:fiscalYear/wards/:wardName/import`: 企画担当 and 管理者 send an Excel workbook (the
 * 部区's download, edited, or the blank template filled in). The import is all or nothing: on
 * any problem the places in the workbook are listed and nothing is written.
 */
export function ImportPage() {
  const { fiscalYear, wardName } = route.useParams();
  const { municipality } = route.useSearch();
  const { data } = useSuspenseQuery(wardYearSheetsQuery({ fiscalYear, ward: wardName, municipality }));
  const { data: me } = useQuery(meQuery());
  const queryClient = useQueryClient();
  const { state, run } = useJob();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const wardLabel = `${data.ward.municipality} ${data.ward.name}`;
  const yearLabel = formatFiscalYear(data.fiscalYear);
  useDocumentTitle(`Excel から取り込む ${wardLabel} ${yearLabel}`);
  const allowed = canOnWard(me, 'import', data.ward.id);
  const busy = state.phase === 'starting' || state.phase === 'running';
  const summary = state.phase === 'done' ? importSummarySchema.safeParse(state.status.result) : null;

  // What was imported shows everywhere from now on.
  useEffect(() => {
    if (state.phase !== 'done') return;
    for (const key of ['wards', 'ward-year-sheets', 'sheet', 'consistency'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  }, [state.phase, queryClient]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('取り込む Excel ファイル（.xlsx）を選んでください。');
      document.getElementById(fileId)?.focus();
      return;
    }
    setFileError(undefined);
    void run(() => startXlsxImport(file));
  };

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
          シートの取り込みは、この部区の企画担当または管理者が行えます。ログインしてからお試しください。
        </p>
      ) : (
        <>
          <p className="lead">
            部区のページでダウンロードした Excel
            ブックを編集したもの、または空の様式に記入したものを取り込みます。
            ブック全体を確認し、問題がひとつでもあれば何も取り込みません。
          </p>
          <form className="import-form" onSubmit={submit} noValidate>
            <FormField
              id={fileId}
              label="Excel ファイル（.xlsx）"
              hint="組織ごとのワークシートを含むブック（20MB まで）"
              error={fileError}
            >
              {(control) => (
                <input
                  {...control}
                  type="file"
                  className="input input--file"
                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  disabled={busy}
                  onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
                />
              )}
            </FormField>
            <button type="submit" className="button" disabled={busy}>
              取り込む
            </button>
          </form>
          {state.phase === 'running' && (
            <JobProgress
              label="取り込み"
              done={state.status.done}
              total={state.status.total}
              pendingText={state.status.message}
            />
          )}
          <p role="status" className="import-status">
            {state.phase === 'starting' && 'ファイルを送信中'}
            {state.phase === 'running' && state.status.message}
          </p>
          {summary?.success && <ImportSuccess summary={summary.data} />}
          {summary && !summary.success && (
            <p className="notice notice--info">取り込みました。結果は部区のページで確認してください。</p>
          )}
          {state.phase === 'failed' && (
            <ImportFailure
              message={state.status.error?.message ?? '取り込めませんでした。'}
              issues={state.status.error?.issues ?? []}
            />
          )}
          {state.phase === 'error' && (
            <ImportFailure message={state.error.message} issues={state.error.issues} />
          )}
        </>
      )}
    </>
  );
}
