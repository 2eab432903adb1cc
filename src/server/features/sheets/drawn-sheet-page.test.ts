import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * The HTML of a sheet's page: a sheet the public may read arrives already drawn (its text in
 * `#root`, its name in <title>); any other page is the app alone, as before.
 */
let t: TestApp;
let webRoot: string;
beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), 'mokuhyo-drawn-'));
  writeFileSync(
    join(webRoot, 'index.html'),
    '<!doctype html><html lang="ja"><head><title>組織目標管理シート</title>' +
      '<script type="module" crossorigin src="/assets/index-0000.js"></script></head>' +
      '<body><div id="root"></div><noscript>このページを表示するには JavaScript を有効にしてください。</noscript></body></html>',
  );
  t = await createTestApp({ app: { webRoot } });
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
});
afterAll(async () => {
  await t.close();
  rmSync(webRoot, { recursive: true, force: true });
});

const rootOf = (html: string) => html.slice(html.indexOf('<div id="root">'), html.lastIndexOf('<noscript>'));

describe('the page of a sheet', () => {
  it('of a published sheet arrives drawn: the frame, the trail, the sheet and its name', async () => {
    const id = await sheetIdTitled(t.public, '地域総務課');
    const response = await t.public.request(`/sheets/${id}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>地域総務課 令和4年度（新潟市 北区） | 組織目標管理シート</title>');
    const root = rootOf(html);
    expect(root).toContain('<main id="main" tabindex="-1" class="site-main" data-drawn-by-server="true">');
    expect(root).toContain('<article class="sheet" aria-label="地域総務課の組織目標管理シート">');
    expect(root).toContain('コミュニティ協議会');
    expect(root).toContain(`href="/api/v1/downloads/sheets/${id}/pdf"`);
    // The default municipality's 部区: the short address, as the router writes it.
    expect(root).toContain('href="/years/2022/wards/%E5%8C%97%E5%8C%BA"');
    expect(html).toContain('<meta name="mokuhyo-municipality" content="新潟市">');
    // Without scripts the page is all there: only what needs them is said to.
    expect(html).toContain(
      '<noscript>推移のグラフの表示など、この画面の一部の機能には JavaScript が必要です。</noscript>',
    );
    // The same again, from the cache, with the same ETag; a new version is drawn anew.
    const etag = response.headers.get('etag');
    expect(
      (await t.public.request(`/sheets/${id}`, { headers: { 'if-none-match': etag ?? '' } })).status,
    ).toBe(304);
  });

  it('of a sheet the public may not read (a draft), or of none, is the app alone', async () => {
    const admin = await t.as('admin');
    const draft = await sheetIdTitled(admin, '地域総務課', { fiscalYear: 2023 });
    for (const path of [`/sheets/${draft}`, '/sheets/0b6f3c1e-5d0f-4c57-9d3e-1f2a3b4c5d6e', '/sheets/x']) {
      const html = await (await admin.request(path)).text();
      expect(rootOf(html), path).toBe('<div id="root"></div>');
      expect(html).toContain('<title>組織目標管理シート</title>');
      expect(html).toContain(
        '<noscript>このページを表示するには JavaScript を有効にしてください。</noscript>',
      );
      expect(html).not.toContain('コミュニティ協議会');
    }
  });

  it('is drawn anew when the sheet changes, with another ETag', async () => {
    const id = await sheetIdTitled(t.public, '地域総務課');
    const before = await t.public.request(`/sheets/${id}`);
    const planner = await t.as('kita-kikaku');
    const moved = await planner.request(`/api/v1/sheets/${id}/dates`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        version: await versionOf(id),
        dates: { createdOn: '2022-04-05' },
        reason: '作成日の誤りを訂正',
      }),
    });
    expect(moved.status).toBe(200);
    const after = await t.public.request(`/sheets/${id}`);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(rootOf(await after.text())).toContain('令和4年4月5日');
  });
});

async function versionOf(id: string): Promise<number> {
  const res = await t.public.request(`/api/v1/sheets/${id}`);
  return ((await res.json()) as { version: number }).version;
}
