import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { importCountsText } from '../../../domain/import-preview';
import { ScrollRegion } from '../../components/ScrollRegion';
import type { ImportResult } from '../../lib/api-downloads';

/** Moves focus to the element when it appears, so that the result is read first. */
function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** 取り込みました: what was written, in numbers, and the way back to the 部区's sheets. */
export function ImportSuccess({ result: summary }: { result: ImportResult }) {
  const ref = useFocusOnMount<HTMLElement>();
  const year = formatFiscalYear(summary.fiscalYear);
  const rows: [string, string][] = [
    ['対象', `${summary.municipality} ${summary.ward} ${year}`],
    ['シート数', `${summary.sheets}件`],
    [
      '新規・置き換え・変更なし',
      importCountsText({
        created: summary.createdSheets,
        replaced: summary.updatedSheets,
        unchanged: summary.unchangedSheets,
      }),
    ],
    ['目標', `${summary.goals}件`],
    ['指標', `${summary.indicators}件`],
  ];
  if (summary.warnings.length > 0)
    rows.push([
      '無視した項目',
      `${summary.warnings.length}件（${summary.warnings.map((w) => w.path).join('、')}）`,
    ]);
  return (
    <section
      ref={ref}
      className="notice notice--info import-result"
      tabIndex={-1}
      aria-labelledby="import-done"
    >
      <h2 id="import-done" className="notice__title">
        取り込みました
      </h2>
      <dl className="import-summary">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p>
        <Link
          to="/years/$fiscalYear/wards/$wardName"
          params={{ fiscalYear: summary.fiscalYear, wardName: summary.ward }}
          search={{ municipality: summary.municipality }}
        >
          {`${summary.municipality} ${summary.ward} ${year}のシート一覧へ`}
        </Link>
      </p>
    </section>
  );
}

/**
 * 取り込めませんでした: the API's message and each problem with its place in the workbook
 * (`健康福祉課!N12`). Focused when it appears; nothing was written, and it says so.
 */
export function ImportFailure({
  message,
  issues,
}: {
  message: string;
  issues: { path: string; message: string }[];
}) {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className="error-summary import-errors"
      role="alert"
      tabIndex={-1}
      aria-labelledby="import-failed"
    >
      <h2 id="import-failed" className="error-summary__title">
        取り込めませんでした
      </h2>
      <p>{message}</p>
      {/* The API's message usually says so already; say it once. */}
      {!message.includes('何も取り込んでいません') && (
        <p className="import-errors__nothing">
          何も取り込んでいません。ファイルを直してから、もう一度取り込んでください。
        </p>
      )}
      {issues.length > 0 && (
        <ScrollRegion labelledBy="import-issues-caption">
          <table className="data-table import-errors__table">
            <caption id="import-issues-caption" className="visually-hidden">
              {`見つかった問題（${issues.length}件）`}
            </caption>
            <thead>
              <tr>
                <th scope="col" className="import-errors__place-heading">
                  場所
                </th>
                <th scope="col">内容</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((issue) => (
                <tr key={`${issue.path}:${issue.message}`}>
                  <th scope="row" className="import-errors__place">
                    {issue.path || '（ブック全体）'}
                  </th>
                  <td>{issue.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
