import { ErrorSummary } from '../../components/ErrorSummary';
import { JobProgress } from '../../components/JobProgress';
import type { WardYearQuery } from '../../lib/api';
import { startBookletJob } from '../../lib/api-downloads';
import { downloadUrls } from '../../lib/download-urls';
import { useJob } from '../../lib/use-job';

/**
 * 冊子（PDF）: made on request (it takes a while), with its progress shown and announced, then
 * offered as a link. Nothing is downloaded without the user asking.
 */
export function BookletDownload({ query, label }: { query: WardYearQuery; label: string }) {
  const { state, run } = useJob();
  const busy = state.phase === 'starting' || state.phase === 'running';
  const status = 'status' in state ? state.status : null;
  const announcement =
    state.phase === 'starting'
      ? '冊子の作成を始めます'
      : state.phase === 'running'
        ? `冊子を作成中：${state.status.message}`
        : state.phase === 'done'
          ? '冊子（PDF）ができました。下のリンクから保存できます。'
          : '';

  return (
    <div className="booklet">
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        aria-describedby="booklet-description"
        onClick={() => void run(() => startBookletJob(query))}
      >
        {state.phase === 'done' ? '冊子（PDF）を作り直す' : '冊子（PDF）を作成'}
      </button>
      <p id="booklet-description" className="downloads__description">
        {`${label}の公開済みのシートを、表紙・目次付きの一つの PDF にまとめます。作成に少し時間がかかります。`}
      </p>
      {status && (state.phase === 'running' || state.phase === 'done') && (
        <JobProgress label="冊子の作成" done={status.done} total={status.total} />
      )}
      <p role="status" className="booklet__status">
        {announcement}
      </p>
      {state.phase === 'done' && (
        <p className="booklet__link">
          <a href={downloadUrls.jobFile(state.status.id)} download>
            冊子（PDF）を保存
          </a>
          <span className="file-type">PDF</span>
        </p>
      )}
      {(state.phase === 'failed' || state.phase === 'error') && (
        <ErrorSummary
          message={
            state.phase === 'failed'
              ? (state.status.error?.message ?? '冊子を作成できませんでした。')
              : state.error.message
          }
        />
      )}
    </div>
  );
}
