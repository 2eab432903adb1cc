import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import {
  type BulkAction,
  bulkActionButtons,
  bulkActionLabels,
  bulkActionOutcomes,
  bulkActions,
  bulkResultSchema,
} from '../../../schemas/bulk-action';
import type { ProgressRow } from '../../../schemas/progress';
import { ErrorSummary } from '../../components/ErrorSummary';
import { JobProgress } from '../../components/JobProgress';
import { startBulkAction } from '../../lib/api-progress';
import { useJob } from '../../lib/use-job';

/**
 * 一括操作 on the sheets chosen in the table: one move (or a 督促), one comment for all. Each sheet is
 * done or refused on its own and the outcome is listed per sheet, with the reason; the board is
 * read again afterwards.
 */
export function BulkActions({ chosen, onDone }: { chosen: ProgressRow[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const { state, run, reset } = useJob();
  const [action, setAction] = useState<BulkAction>('confirmEvaluation');
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const busy = state.phase === 'starting' || state.phase === 'running';
  const label = bulkActionLabels[action];
  /** 差戻し needs its reason; a 督促 may carry words for the people asked. */
  const withWords = action === 'return' || action === 'remind';
  const result = state.phase === 'done' ? bulkResultSchema.safeParse(state.status.result) : null;

  const start = async () => {
    setProblem(null);
    if (chosen.length === 0) {
      setProblem('表でシートを選んでください。');
      return;
    }
    if (action === 'return' && comment.trim() === '') {
      setProblem('差戻しの理由を入力してください。');
      return;
    }
    await run(() =>
      startBulkAction({
        action,
        sheets: chosen.map((row) => ({ id: row.id, version: row.version })),
        ...(withWords && comment.trim() !== '' ? { comment } : {}),
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['progress'] });
    onDone();
  };

  return (
    <section className="bulk-actions app-chrome" aria-labelledby="bulk-title">
      <h3 id="bulk-title">選んだシートの一括操作</h3>
      <div className="bulk-actions__form">
        <div className="form-field">
          <label className="form-field__label" htmlFor="bulk-action">
            操作
          </label>
          <select
            id="bulk-action"
            className="select"
            value={action}
            disabled={busy}
            onChange={(e) => {
              setAction(bulkActions.find((a) => a === e.target.value) ?? 'confirmEvaluation');
              reset();
            }}
          >
            {bulkActions.map((a) => (
              <option key={a} value={a}>
                {bulkActionLabels[a]}
              </option>
            ))}
          </select>
        </div>
        {withWords && (
          <div className={problem?.startsWith('差戻し') ? 'form-field form-field--error' : 'form-field'}>
            <label className="form-field__label" htmlFor="bulk-comment">
              {action === 'return'
                ? '差戻しの理由（選んだすべてのシートに記録されます）'
                : '督促の文面（任意。段階と期限を添えて担当者・所属長に通知し、履歴に記録します）'}
            </label>
            <textarea
              id="bulk-comment"
              className="textarea"
              rows={3}
              value={comment}
              disabled={busy}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => void start()}>
          {bulkActionButtons[action](chosen.length)}
        </button>
      </div>
      {problem && <ErrorSummary message={problem} />}
      {state.phase === 'running' && (
        <JobProgress label={`一括の${label}`} done={state.status.done} total={state.status.total} />
      )}
      <p role="status" className="bulk-actions__status">
        {state.phase === 'starting' && `一括の${label}を始めます`}
        {result?.success &&
          `${bulkActionOutcomes[action].done(result.data.done)}${result.data.refused > 0 ? `${bulkActionOutcomes[action].refused(result.data.refused)}（理由は下の表のとおりです）。` : ''}`}
      </p>
      {(state.phase === 'failed' || state.phase === 'error') && (
        <ErrorSummary
          message={
            state.phase === 'failed'
              ? (state.status.error?.message ?? '一括操作を完了できませんでした。')
              : state.error.message
          }
        />
      )}
      {result?.success && (
        <table className="data-table data-table--compact bulk-actions__result">
          <caption>{`一括の${label}の結果`}</caption>
          <thead>
            <tr>
              <th scope="col">組織名</th>
              <th scope="col">結果</th>
              <th scope="col">現在の状態</th>
              <th scope="col">理由</th>
            </tr>
          </thead>
          <tbody>
            {result.data.sheets.map((sheet) => (
              <tr key={sheet.sheetId}>
                <th scope="row">{sheet.title}</th>
                <td>{sheet.outcome === 'done' ? '完了' : <strong>できませんでした</strong>}</td>
                <td>{sheet.status ? sheetStatusLabels[sheet.status] : '—'}</td>
                <td>{sheet.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
