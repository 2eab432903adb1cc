import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Db } from '../db/client';
import { isFresh } from './answer-cache';
import type { AppEnv } from './app-env';
import { defaultMunicipalityName } from './features/municipalities/municipalities';
import type { DrawnSheetPage } from './features/sheets/drawn-sheet-page';
import { issueCsrfToken } from './middleware/csrf';

/** The public sheet page drawn for the HTML of `/sheets/:id`, if the public may read the sheet. */
export type DrawnSheetPages = (db: Db, sheetId: string) => Promise<DrawnSheetPage | undefined>;

/**
 * The built React app (`dist/web`): hashed assets cached for good and sent as the build
 * precompressed them (`.br`/`.gz` beside each file, chosen by Accept-Encoding), and index.html —
 * revalidated on every visit through its ETag, naming the data the page starts with, and with a
 * published sheet's page already drawn on `/sheets/:id` — for every other path so client routes
 * work on reload.
 */
export function webApp(root: string, drawnSheetPages?: DrawnSheetPages) {
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
  let index = { mtimeMs: 0, html: '', etag: '' };
  const indexPage = () => {
    const { mtimeMs } = statSync(indexPath, { throwIfNoEntry: false }) ?? { mtimeMs: 0 };
    if (mtimeMs !== index.mtimeMs) {
      const html = readFileSync(indexPath, 'utf8');
      index = {
        mtimeMs,
        html,
        etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
      };
    }
    return index;
  };
  web.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
        // The answer depends on Accept-Encoding even when it is the plain file.
        if (!c.res.headers.has('vary') && existsSync(`${path}.gz`)) c.header('vary', 'Accept-Encoding');
      },
    }),
  );
  // Other files of the build (none today but index.html, which always takes the route below).
  const files = serveStatic({ root });
  web.use('*', (c, next) => (c.req.path === '/' || c.req.path === '/index.html' ? next() : files(c, next)));
  web.get('*', async (c) => {
    const moved = movedPages.get(c.req.path);
    if (moved) return c.redirect(moved, 301);
    issueCsrfToken(c);
    const sheetId = sheetPage.exec(c.req.path)?.[1];
    const drawn =
      sheetId && drawnSheetPages
        ? await drawnPage(drawnSheetPages, c.get('db'), sheetId.toLowerCase())
        : undefined;
    const { html, etag } = pageOf(
      indexPage(),
      sheetId,
      drawn,
      c.get('db') ? await defaultMunicipalityName(c.get('db')) : null,
    );
    c.header('cache-control', 'no-cache');
    c.header('etag', etag);
    if (isFresh(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.html(html);
  });
  return web;
}

/** Pages that became sections of another: their old addresses lead there. */
const movedPages = new Map([
  ['/settings/evaluation-rule', '/settings#evaluation-rule'],
  ['/settings/sheet-dates', '/settings#sheet-dates'],
]);

const sheetPage = /^\/sheets\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

/**
 * The API reads a page starts with, which the browser can fetch while it loads the scripts
 * instead of after them: who is signed in (every page's header), and on a sheet's page the sheet.
 */
function dataPreloads(sheetId: string | undefined): string[] {
  // As the address has it: the app asks for exactly this, and only the same URL takes the preload.
  return ['/api/v1/auth/me', ...(sheetId ? [`/api/v1/sheets/${sheetId}`] : [])];
}

/**
 * index.html for a page (`sheetId`: a sheet's page): with a `<link rel="preload" as="fetch">` for each of its first reads
 * (which the app's own `fetch` then takes instead of asking again), and an ETag of its own.
 */
function pageOf(
  index: { html: string; etag: string },
  sheetId: string | undefined,
  drawn: DrawnSheetPage | undefined,
  municipality: string | null,
): { html: string; etag: string } {
  const preloads = dataPreloads(sheetId);
  // The default municipality, whose addresses need not name it (src/web/route-params.ts).
  const named = municipality
    ? `<meta name="mokuhyo-municipality" content="${escapeHtml(municipality)}">`
    : '';
  const links =
    named + preloads.map((href) => `<link rel="preload" href="${href}" as="fetch" crossorigin>`).join('');
  const at = index.html.search(/<script|<\/head>/i);
  if (at < 0) return index;
  let html = `${index.html.slice(0, at)}${links}\n    ${index.html.slice(at)}`;
  if (drawn) {
    html = html
      .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(drawn.title)}</title>`)
      .replace('<div id="root"></div>', () => `<div id="root">${drawn.body}</div>`)
      .replace(/<noscript>[^<]*<\/noscript>/, `<noscript>${drawnWithoutScripts}</noscript>`);
  }
  const tag = createHash('sha256')
    .update(`${named}${preloads.join(' ')}`)
    .digest('base64url')
    .slice(0, 8);
  return { html, etag: `${index.etag.slice(0, -1)}.${tag}${drawn ? `.${drawn.tag}` : ''}"` };
}

/** The sheet's page drawn, or nothing when it cannot be (the page is then the app alone, which says why). */
async function drawnPage(draw: DrawnSheetPages, db: Db, sheetId: string) {
  try {
    return await draw(db, sheetId);
  } catch (error) {
    console.error('drawing the sheet page:', error);
    return undefined;
  }
}

/** What a browser that runs no script is told under a page the server drew (the text is all there). */
const drawnWithoutScripts = '推移のグラフの表示など、この画面の一部の機能には JavaScript が必要です。';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch);
