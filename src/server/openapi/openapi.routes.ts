import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { docsCss, docsPage } from './docs-page';
import { openApiDocument } from './generate';

/** `/api/openapi.json` and a page that renders it, built once from the app's own routes. */
export function openApiRoutes(app: () => Hono<never>) {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const documentOf = () => {
    document ??= openApiDocument(app(), { title: 'mokuhyo', version: '1' });
    return document;
  };
  return new Hono<AppEnv>()
    .get('/openapi.json', (c) => c.json(documentOf()))
    .get('/docs', async (c) => {
      c.header(
        'content-security-policy',
        "default-src 'none'; style-src 'self'; font-src 'self'; base-uri 'none'; frame-ancestors 'none'",
      );
      return c.html(await docsPage(documentOf()));
    })
    .get('/docs.css', (c) => c.body(String(docsCss), 200, { 'content-type': 'text/css; charset=utf-8' }));
}
