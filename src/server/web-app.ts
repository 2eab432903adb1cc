import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { issueCsrfToken } from './middleware/csrf';

/**
 * The built React app (`dist/web`): files as they are, hashed assets cached for good, and
 * index.html for every other path so client routes work on reload.
 */
export function webApp(root: string) {
  const web = new Hono<AppEnv>();
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    return web.get('*', (c) =>
      c.html(
        '<!doctype html><html lang="ja"><meta charset="utf-8"><title>mokuhyo</title>' +
          '<p>画面がまだビルドされていません。<code>npm run build</code> を実行してから起動してください。</p></html>',
        503,
      ),
    );
  }
  // Re-read index.html when a rebuild replaced it, so it never points at deleted assets.
  let index = { mtimeMs: 0, html: '' };
  const indexHtml = () => {
    const { mtimeMs } = statSync(indexPath, { throwIfNoEntry: false }) ?? { mtimeMs: 0 };
    if (mtimeMs !== index.mtimeMs) index = { mtimeMs, html: readFileSync(indexPath, 'utf8') };
    return index.html;
  };
  web.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  web.use('*', serveStatic({ root }));
  web.get('*', (c) => {
    issueCsrfToken(c);
    c.header('cache-control', 'no-cache');
    return c.html(indexHtml());
  });
  return web;
}
