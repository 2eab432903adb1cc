import { useEffect, useRef } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { importActionLabels, importCountsText } from '../../../domain/import-preview';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import type { ImportPreview } from '../../../schemas/import';
import { FormField } from '../../components/FormField';
import { ScrollRegion } from '../../components/ScrollRegion';

export const reasonFieldId = 'import-reason';

/**
 * 取り込みの確認: the file's municipality, 部区 and year (called out when they differ from the
 * page), what happens to each sheet (新規 / 置き換え / 変更なし) with each changed field
 * (変更前 → 変更後), the fields ignored, and — when a 評価確定 or 公開 sheet is replaced — the
 * reason, before the 取り込む button. Focused when it appears.
 */
export function ImportPreviewView({
  preview,
  notice,
  reason,
  reasonError,
  busy,
  onReasonChange,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreview;
  /** Why the preview is shown again (it changed since the first one). */
  notice?: string | undefined;
  reason: string;
  reasonError?: string | undefined;
  busy: boolean;
  onReasonChange: (reason: string) => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new preview (token) is read from its top
  useEffect(() => {
    ref.current?.focus();
  }, [preview.previewToken]);
  const year = formatFiscalYear(preview.fiscalYear);
  const finals = preview.sheetOutcomes.filter((o) => o.needsReason).map((o) => o.title);
  const format = preview.format === 'xlsx' ? 'Excel' : '交換形式の JSON';
  return (
    <section ref={ref} className="import-preview" tabIndex={-1} aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">取り込みの確認</h2>
      {notice && <p className="notice notice--warning">{notice}</p>}
      <dl className="import-summary">
        <div>
          <dt>ファイル</dt>
          <dd>{preview.fileName ? `${preview.fileName}（${format}）` : format}</dd>
        </div>
        <div>
          <dt>対象</dt>
          <dd>{`${preview.municipality} ${preview.ward} ${year}`}</dd>
        </div>
        <div>
          <dt>シート</dt>
          <dd>{importCountsText(preview)}</dd>
        </div>
      </dl>
      {preview.mismatch && (
        <div className="notice notice--warning import-preview__mismatch" role="alert">
          <p className="notice__title">取り込みを始めたページとは異なるファイルです</p>
          <ul>
            {preview.mismatches.map((m) => (
              <li key={m.field}>{m.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.newWard && (
        <p className="notice notice--info">{`${preview.ward}はまだ登録されていません。取り込むと新しく作成します。`}</p>
      )}
      <ScrollRegion labelledBy="import-preview-caption">
        <table className="data-table import-preview__table">
          <caption id="import-preview-caption">{`シートごとの取り込み内容（${preview.sheetOutcomes.length}件）`}</caption>
          <thead>
            <tr>
              <th scope="col">組織</th>
              <th scope="col">取り込み</th>
              <th scope="col">現在の状態</th>
              <th scope="col">変わる項目</th>
            </tr>
          </thead>
          <tbody>
            {preview.sheetOutcomes.map((o) => (
              <tr key={o.index}>
                <th scope="row">{o.title}</th>
                <td>
                  <span className={`import-action import-action--${o.action}`}>
                    {importActionLabels[o.action]}
                  </span>
                </td>
                <td>
                  {o.currentStatus ? sheetStatusLabels[o.currentStatus] : '（なし）'}
                  {o.needsReason && <span className="import-preview__needs-reason">理由が必要</span>}
                </td>
                <td>
                  {o.changes.length === 0 ? (
                    o.action === 'create' ? (
                      'シートを新しく作成します'
                    ) : (
                      'なし'
                    )
                  ) : (
                    <details className="import-preview__changes">
                      <summary>{`${o.changes.length}項目（変更前 → 変更後）`}</summary>
                      <table className="data-table data-table--compact">
                        <caption className="visually-hidden">{`${o.title}の変わる項目`}</caption>
                        <thead>
                          <tr>
                            <th scope="col">項目</th>
                            <th scope="col">変更前</th>
                            <th scope="col">変更後</th>
                          </tr>
                        </thead>
                        <tbody>
                          {o.changes.map((c) => (
                            <tr key={c.path}>
                              <th scope="row">{c.label}</th>
                              <td className="import-preview__value">{c.before ?? '（なし）'}</td>
                              <td className="import-preview__value">{c.after ?? '（なし）'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {preview.warnings.length > 0 && (
        <details className="import-preview__warnings">
          <summary>{`無視する項目（${preview.warnings.length}件）`}</summary>
          <ul>
            {preview.warnings.map((w) => (
              <li key={w.path}>
                <code>{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <form
        className="import-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        {preview.needsReason && (
          <FormField
            id={reasonFieldId}
            label="置き換えの理由（必須）"
            hint={`評価確定・公開のシート（${finals.join('、')}）を置き換えます。理由は各シートの履歴に残ります。`}
            error={reasonError}
          >
            {(control) => (
              <textarea
                {...control}
                className="textarea"
                rows={3}
                value={reason}
                disabled={busy}
                onChange={(event) => onReasonChange(event.currentTarget.value)}
              />
            )}
          </FormField>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="button"
            disabled={busy || preview.created + preview.replaced === 0}
          >
            取り込む
          </button>
          <button type="button" className="button button--secondary" disabled={busy} onClick={onCancel}>
            キャンセル
          </button>
        </div>
        {preview.created + preview.replaced === 0 && (
          <p className="form-field__hint">このファイルで変わるシートはありません。</p>
        )}
      </form>
    </section>
  );
}
