import { useState } from 'react';

/** A temporary password (仮パスワード), shown once with a copy button. */
export function TemporaryPassword({ loginId, password }: { loginId: string; password: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(password)
      .then(() => setCopied('コピーしました。'))
      .catch(() => setCopied('コピーできませんでした。表示されている文字を選んでコピーしてください。'));
  };
  return (
    <div className="notice notice--info temporary-password">
      <p>
        {`ログインID「${loginId}」の仮パスワードです。本人に安全な方法で伝えてください。この画面を離れると、二度と表示されません。本人は最初のログインで自分のパスワードに変更します。`}
      </p>
      <p>
        <span className="visually-hidden">仮パスワード：</span>
        <code className="temporary-password__value" data-testid="temporary-password">
          {password}
        </code>{' '}
        <button type="button" className="button button--secondary button--small" onClick={copy}>
          仮パスワードをコピー
        </button>
      </p>
      <p role="status">{copied}</p>
    </div>
  );
}
