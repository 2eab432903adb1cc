import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { type Schema, schemaNote, schemaRows, schemaType } from './schema-rows';

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const methodOrder = ['get', 'post', 'put', 'delete'];

/** A table that may be wider than a phone: it scrolls in a region named by its caption. */
const scrolling = (id: string, table: HtmlEscapedString | Promise<HtmlEscapedString>) =>
  html`<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">${table}</div>`;

/**
 * One JSON body or answer as a table of its fields (the raw JSON Schema is in openapi.json),
 * folded under its title: the page lists some sixty operations, and a reader opens what they use.
 */
function fieldTable(id: string, title: string, schema: unknown) {
  const rows = schemaRows(schema);
  return html`<details class="fields"><summary>${title}（${rows.length}項目）</summary>${scrolling(
    id,
    html`<table>
      <caption id="${id}">${title}</caption>
      <thead><tr><th scope="col">項目</th><th scope="col">型</th><th scope="col">必須</th><th scope="col">説明</th></tr></thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr><th scope="row"><code>${r.name}</code></th><td>${r.type}</td><td>${r.required ? '必須' : '任意'}</td><td>${r.note}</td></tr>`,
        )}
      </tbody>
    </table>`,
  )}</details>`;
}

/**
 * The OpenAPI document as a page people can read, in the app's look and served by the app
 * itself (no outside scripts): the way back to the app, a table of contents, and each
 * operation's parameters, body and answers as field tables.
 */
export function docsPage(document: {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
}): Promise<HtmlEscapedString> | HtmlEscapedString {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .sort(([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b))
      .map(([method, op], index) => ({
        path,
        method,
        op: op as Operation,
        id: `${method}-${path}`.replace(/[^A-Za-z0-9_-]+/g, '-') + (index > 0 ? `-${index}` : ''),
      })),
  );
  return html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API 仕様 — ${document.info.title}</title>
    <link rel="stylesheet" href="/api/docs.css" />
  </head>
  <body>
    <a class="skip-link" href="#main">本文へ移動</a>
    <header class="site-header">
      <a class="site-title" href="/">組織目標管理シート</a>
    </header>
    <main id="main" tabindex="-1">
      <nav aria-label="パンくずリスト" class="breadcrumbs">
        <ol><li><a href="/">部区・年度を選ぶ</a></li><li aria-current="page">API 仕様</li></ol>
      </nav>
      <h1>API 仕様<span class="heading-sub">${document.info.title}（${document.info.version}）</span></h1>
      <p>${document.info.description ?? ''}</p>
      <p><a href="/api/openapi.json">OpenAPI 3.1 の JSON</a>（ルートの検証スキーマから生成。型の詳細はこちら）</p>
      <nav aria-labelledby="toc-title" id="toc">
        <h2 id="toc-title">目次</h2>
        <ul class="toc">
          ${operations.map(({ path, method, op, id }) => html`<li><a href="#${id}"><code>${method.toUpperCase()} ${path}</code> ${op.summary ?? ''}</a></li>`)}
        </ul>
      </nav>
      ${operations.map(
        ({ path, method, op, id }) => html`<section id="${id}" aria-labelledby="h-${id}" class="operation">
          <h2 id="h-${id}"><code>${method.toUpperCase()} ${path}</code></h2>
          <p>${op.summary ?? ''}</p>
          ${op.description ? html`<p class="description">${op.description}</p>` : ''}
          ${
            op.parameters?.length
              ? scrolling(
                  `p-${id}`,
                  html`<table>
                  <caption id="p-${id}">パラメーター</caption>
                  <thead><tr><th scope="col">名前</th><th scope="col">場所</th><th scope="col">必須</th><th scope="col">型</th><th scope="col">説明</th></tr></thead>
                  <tbody>
                    ${op.parameters.map(
                      (p) =>
                        html`<tr><th scope="row"><code>${p.name}</code></th><td>${p.in === 'path' ? 'パス' : 'クエリ'}</td><td>${p.required ? '必須' : '任意'}</td><td>${schemaType(p.schema)}</td><td>${schemaNote(p.schema)}</td></tr>`,
                    )}
                  </tbody>
                </table>`,
                )
              : ''
          }
          ${op.requestBody ? fieldTable(`b-${id}`, '送信する JSON', op.requestBody.content['application/json']?.schema) : ''}
          ${Object.entries(op.responses).map(([status, r]) =>
            r.content && Object.keys(r.content).some((type) => type.includes('json'))
              ? fieldTable(
                  `r${status}-${id}`,
                  `応答 ${status}（${r.description}）`,
                  Object.values(r.content)[0]?.schema,
                )
              : html`<p>応答 ${status}：${r.description}${r.content ? `（${Object.keys(r.content).join('、')}）` : ''}</p>`,
          )}
          <p class="back"><a href="#toc">目次に戻る</a></p>
        </section>`,
      )}
    </main>
  </body>
</html>`;
}

/** The app's look (its colours, font and header) for the page, without the app's bundle. */
export const docsCss = raw(`*,*::before,*::after{box-sizing:border-box}
body{font-family:"BIZ UDPGothic","Noto Sans JP",sans-serif;margin:0;color:#1a1a1c;background:#f2f2f2;line-height:1.7;overflow-wrap:anywhere}
.skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip-link:focus{left:.5rem}
.site-header{border-top:6px solid #0017c1;background:#fff;border-bottom:1px solid #d8d8db;padding:.75rem 1rem}
.site-title{font-weight:bold;font-size:1.25rem;color:#1a1a1c;text-decoration:none}
main{max-width:64rem;margin:0 auto;padding:1rem}
.breadcrumbs ol{list-style:none;margin:0 0 1rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .5rem;font-size:.875rem}
.breadcrumbs li+li::before{content:"›";margin-right:.5rem}
h1{font-size:1.75rem;line-height:1.4}.heading-sub{display:block;font-size:1rem;font-weight:normal;color:#626264}
h2{font-size:1.125rem;margin-top:2rem;line-height:1.4}
.operation{background:#fff;border:1px solid #d8d8db;border-radius:8px;padding:.5rem 1rem;margin-top:1rem}
.operation h2{margin-top:.5rem}
.toc{padding-left:1.25rem}
code{font-family:ui-monospace,monospace;font-size:.875rem}
.table-scroll{overflow-x:auto;margin:.75rem 0}
table{border-collapse:collapse;width:100%;background:#fff;font-size:.875rem}
th,td{border:1px solid #949497;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8f1fe}
caption{text-align:left;font-weight:bold;padding-bottom:.25rem}
a{color:#0017c1}a:focus,.table-scroll:focus,main:focus{outline:3px solid #0017c1;outline-offset:2px}
.description{white-space:pre-wrap}.back{font-size:.875rem;text-align:right}
.fields{margin:.5rem 0}.fields summary{cursor:pointer;color:#0017c1;text-decoration:underline}`);
