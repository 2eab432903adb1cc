import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router';
import { ApiError } from '../lib/api';
import { useDocumentTitle } from '../lib/use-document-title';

/** Shown while a page's data loads. */
export function PendingPage() {
  return (
    <p role="status" className="status-message">
      読み込み中です…
    </p>
  );
}

/** Shown for an address that matches no page, and for a sheet or ward the API does not know. */
export function NotFoundPage() {
  useDocumentTitle('ページが見つかりません');
  return (
    <section className="status-page">
      <h1>ページが見つかりません</h1>
      <p>お探しのページは、移動または削除されたか、アドレスが間違っている可能性があります。</p>
      <p>
        <Link to="/">部区・年度の一覧へ戻る</Link>
      </p>
    </section>
  );
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '予期しないエラーが発生しました。時間をおいてもう一度お試しください。';
}

/** Shown when loading a page failed: the API's Japanese message and a way to retry. */
export function ErrorPage({ error, reset }: ErrorComponentProps) {
  const router = useRouter();
  useDocumentTitle('エラー');
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <section className="status-page" role="alert">
      <h1>ページを表示できませんでした</h1>
      <p>{messageOf(error)}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          再読み込み
        </button>
        <Link to="/">部区・年度の一覧へ戻る</Link>
      </p>
    </section>
  );
}
