import '../../styles/downloads.css';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { xlsxType } from '../../../schemas/media-types';
import { FormField } from '../../components/FormField';
import { JobProgress } from '../../components/JobProgress';
import {
  type ImportExpectation,
  type ImportPreview,
  importPreviewSchema,
  importResultSchema,
  startImport,
  startImportPreview,
} from '../../lib/api-downloads';
import { type JobState, useJob } from '../../lib/use-job';
import { ImportPreviewView, reasonFieldId } from './ImportPreviewView';
import { ImportFailure, ImportSuccess } from './ImportResult';

const fileId = 'import-file';

/** The failure of a job or of its start, as one message and its issues (with the error code). */
function failureOf(state: JobState) {
  if (state.phase === 'failed') {
    const error = state.status.error;
    return {
      code: error?.code ?? '',
      message: error?.message ?? '取り込めませんでした。',
      issues: error?.issues ?? [],
      details: error?.details,
    };
  }
  if (state.phase === 'error') {
    const { code, message, issues, details } = state.error;
    return { code, message, issues, details };
  }
  return null;
}

/** The fresh preview a 409 carries. */
function previewIn(details: unknown): ImportPreview | null {
  if (typeof details !== 'object' || details === null || !('preview' in details)) return null;
  const parsed = importPreviewSchema.safeParse(details.preview);
  return parsed.success ? parsed.data : null;
}

/**
 * The file, its 取り込みの確認 (what each sheet would become, with each changed field), then,
 * confirmed, the import: all or nothing; on any problem the places are listed and nothing is
 * written. `expected`: the 部区・年度 of the page it is sent from, which the preview compares
 * with the file's (none on the municipality's own import page).
 */
export function ImportForm({ expected }: { expected: ImportExpectation }) {
  const queryClient = useQueryClient();
  const previewJob = useJob();
  const importJob = useJob();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const [fresh, setFresh] = useState<ImportPreview | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const running = (s: JobState) => s.phase === 'starting' || s.phase === 'running';
  const busy = running(previewJob.state) || running(importJob.state);
  const parsedPreview =
    previewJob.state.phase === 'done' ? importPreviewSchema.safeParse(previewJob.state.status.result) : null;
  const preview = cancelled ? null : (fresh ?? (parsedPreview?.success ? parsedPreview.data : null));
  const result =
    importJob.state.phase === 'done' ? importResultSchema.safeParse(importJob.state.status.result) : null;
  const previewFailure = failureOf(previewJob.state);
  const importFailure = failureOf(importJob.state);

  // What was imported shows everywhere from now on.
  useEffect(() => {
    if (importJob.state.phase !== 'done') return;
    for (const key of ['wards', 'ward-year-sheets', 'sheet', 'consistency', 'history'])
      void queryClient.invalidateQueries({ queryKey: [key] });
  }, [importJob.state.phase, queryClient]);

  // A 409: the sheets changed since the preview; show the new one. A missing reason: at its field.
  useEffect(() => {
    const failure = failureOf(importJob.state);
    if (!failure) return;
    if (failure.code === 'conflict') {
      const again = previewIn(failure.details);
      if (again) setFresh(again);
    }
    const reasonIssue = failure.issues.find((i) => i.path === 'reason');
    if (reasonIssue) {
      setReasonError(reasonIssue.message);
      document.getElementById(reasonFieldId)?.focus();
    }
  }, [importJob.state]);

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError('取り込むファイル（Excel の .xlsx または交換形式の .json）を選んでください。');
      document.getElementById(fileId)?.focus();
      return;
    }
    setFileError(undefined);
    setReason('');
    setReasonError(undefined);
    setFresh(null);
    setCancelled(false);
    importJob.reset();
    void previewJob.run(() => startImportPreview(file, expected));
  };

  const confirm = () => {
    if (!file || !preview) return;
    if (preview.needsReason && reason.trim() === '') {
      setReasonError('評価確定・公開のシートを置き換える理由を入力してください。');
      document.getElementById(reasonFieldId)?.focus();
      return;
    }
    setReasonError(undefined);
    void importJob.run(() => startImport(file, preview.previewToken, reason.trim() || undefined));
  };

  const progress = running(importJob.state)
    ? importJob.state
    : running(previewJob.state)
      ? previewJob.state
      : null;
  const done = importJob.state.phase === 'done';
  const conflictNotice =
    importFailure?.code === 'conflict' && fresh
      ? '確認した後に取り込み先のシートが変更されました。何も書き込んでいません。新しい確認の内容を見て、もう一度取り込んでください。'
      : undefined;

  return (
    <>
      <p className="lead">
        部区のページでダウンロードした Excel ブックを編集したもの、空の様式に記入したもの、または交換形式の
        JSON
        ファイル（UTF-8）を取り込みます。まず取り込みの確認で、シートごとに何が変わるかを表示します。ファイル全体を確認し、問題が一つでもあれば何も取り込みません。
      </p>
      <form className="import-form" onSubmit={check} noValidate>
        <FormField
          id={fileId}
          label="取り込むファイル（Excel .xlsx または JSON）"
          hint="組織ごとのワークシートを含むブック（20 MB まで）、または交換形式の JSON（10 MB まで）"
          error={fileError}
        >
          {(control) => (
            <input
              {...control}
              type="file"
              className="input input--file"
              accept={`.xlsx,.json,application/json,${xlsxType}`}
              disabled={busy}
              onChange={(event) => {
                setFile(event.currentTarget.files?.[0] ?? null);
                setCancelled(true);
              }}
            />
          )}
        </FormField>
        <button type="submit" className="button" disabled={busy}>
          内容を確認する
        </button>
      </form>
      {progress?.phase === 'running' && (
        <JobProgress
          label={progress === importJob.state ? '取り込み' : '取り込みの確認'}
          done={progress.status.done}
          total={progress.status.total}
          pendingText={progress.status.message}
        />
      )}
      <p role="status" className="import-status">
        {progress?.phase === 'starting' && 'ファイルを送信中'}
        {progress?.phase === 'running' && progress.status.message}
      </p>
      {previewFailure && !preview && (
        <ImportFailure message={previewFailure.message} issues={previewFailure.issues} />
      )}
      {preview && !done && (
        <ImportPreviewView
          preview={preview}
          notice={conflictNotice}
          reason={reason}
          reasonError={reasonError}
          busy={busy}
          onReasonChange={(value) => {
            setReason(value);
            setReasonError(undefined);
          }}
          onConfirm={confirm}
          onCancel={() => {
            setCancelled(true);
            document.getElementById(fileId)?.focus();
          }}
        />
      )}
      {importFailure &&
        importFailure.code !== 'conflict' &&
        !importFailure.issues.some((i) => i.path === 'reason') && (
          <ImportFailure message={importFailure.message} issues={importFailure.issues} />
        )}
      {result?.success && <ImportSuccess result={result.data} />}
      {result && !result.success && (
        <p className="notice notice--info">取り込みました。結果は部区のページで確認してください。</p>
      )}
    </>
  );
}
