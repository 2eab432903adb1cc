import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required: boolean; schema: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const methodOrder = ['get', 'post', 'put', 'delete'];

/** The OpenAPI document as a page people can read, served by the app itself (no outside scripts). */
export function docsPage(document: {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, unknown>>;
}): Promise<HtmlEscapedString> | HtmlEscapedString {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .sort(([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b))
      .map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const schemaBlock = (title: string, schema: unknown) => html`<details>
    <summary>${title}</summary>
    <pre>${JSON.stringify(schema, null, 2)}</pre>
  </details>`;
  return html`<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API 仕様 — ${document.info.title}</title>
    <link rel="stylesheet" href="/api/docs.css" />
  </head>
  <body>
    <main>
      <h1>${document.info.title} API 仕様（${document.info.version}）</h1>
      <p>${document.info.description ?? ''}</p>
      <p><a href="/api/openapi.json">OpenAPI 3.1 の JSON</a>（ルートの検証スキーマから生成）</p>
      <nav aria-label="目次">
        <ul>
          ${operations.map(({ path, method, op }) => html`<li><a href="#${method}-${path}"><code>${method.toUpperCase()} ${path}</code> ${op.summary ?? ''}</a></li>`)}
        </ul>
      </nav>
      ${operations.map(
        ({ path, method, op }) => html`<section id="${method}-${path}" aria-labelledby="h-${method}-${path}">
          <h2 id="h-${method}-${path}"><code>${method.toUpperCase()} ${path}</code></h2>
          <p>${op.summary ?? ''}</p>
          ${op.description ? html`<p class="description">${op.description}</p>` : ''}
          ${
            op.parameters?.length
              ? html`<table>
                  <caption>パラメーター</caption>
                  <thead><tr><th scope="col">名前</th><th scope="col">場所</th><th scope="col">必須</th><th scope="col">型</th></tr></thead>
                  <tbody>
                    ${op.parameters.map(
                      (p) =>
                        html`<tr><td><code>${p.name}</code></td><td>${p.in === 'path' ? 'パス' : 'クエリ'}</td><td>${p.required ? '必須' : '任意'}</td><td><code>${JSON.stringify(p.schema)}</code></td></tr>`,
                    )}
                  </tbody>
                </table>`
              : ''
          }
          ${op.requestBody ? schemaBlock('送信する JSON', op.requestBody.content['application/json']?.schema) : ''}
          ${Object.entries(op.responses).map(([status, r]) =>
            r.content
              ? schemaBlock(
                  `応答 ${status}（${Object.keys(r.content).join(', ')}）`,
                  Object.values(r.content)[0]?.schema,
                )
              : html`<p>応答 ${status}: ${r.description}</p>`,
          )}
        </section>`,
      )}
    </main>
  </body>
</html>`;
}

export const docsCss =
  raw(`body{font-family:"BIZ UDPGothic",sans-serif;margin:0;color:#1a1a1c;background:#fff;line-height:1.6}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:2rem;border-top:1px solid #767676;padding-top:1rem}
code,pre{font-family:ui-monospace,monospace;font-size:.875rem}pre{background:#f2f2f2;padding:.5rem;overflow:auto}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold}a{color:#0017c1}a:focus{outline:3px solid #0017c1;outline-offset:2px}
.description{white-space:pre-wrap}`);
