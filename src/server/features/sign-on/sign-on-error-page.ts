const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/**
 * The page a browser sees when the provider's response is refused (it arrived by a redirect,
 * not from the app's script): the reason in Japanese and the way back to ログイン.
 */
export function signOnErrorPage(message: string): string {
  return `<!doctype html>
<html lang="ja">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>エラー：ログイン — 組織目標管理シート</title></head>
<body>
<main>
<h1>ログインできませんでした</h1>
<p id="sign-on-error">${escapeHtml(message)}</p>
<p><a href="/sign-in">ログインの画面へ戻る</a></p>
</main>
</body>
</html>
`;
}
