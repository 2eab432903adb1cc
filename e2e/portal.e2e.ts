import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { appDrawn, expectAccessible, snap, snapPart } from './helpers';
import {
  bom,
  brokenWorkbook,
  downloadBy,
  editedWorkbook,
  pageScrollsSideways,
  recordTexts,
} from './portal-files';
import { importNextYear, signInThroughUi } from './session';

// This journey imports 令和5年度 and re-imports 令和4年度: it runs on a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;
let ids2023: Map<string, string>;

const unpublished = ['地域総務課', '健康福祉課'];
/** The six published organizations of 令和5年度 (every sheet of the fixture but the two). */
let published: string[] = [];
const viewport = { width: 1280, height: 900 };
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
  ids2023 = await importNextYear(browser, baseUrl);
  published = [...ids2023.keys()].filter((title) => !unpublished.includes(title));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function sheetId(title: string): string {
  const id = ids2023.get(title);
  if (!id) throw new Error(`no 令和5年度 sheet titled ${title}`);
  return id;
}

async function expectHiddenInPrint(page: Page, selector: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator(selector).first().isVisible(), `${selector} in print`).toBe(false);
  await page.emulateMedia({ media: 'screen' });
}

describe('the public portal: what a visitor sees and downloads', () => {
  test('a signed-out visitor reads and downloads 令和5年度 without ever meeting an unpublished sheet', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: '部区・年度を選ぶ' }).waitFor();
    await expectAccessible(page, '/ (visitor)');
    const apiDocs = page.getByRole('contentinfo').getByRole('link', { name: 'API 仕様' });
    expect(await apiDocs.getAttribute('href')).toBe('/api/docs');
    expect((await page.request.get(`${baseUrl}/api/docs`)).status()).toBe(200);

    // The ward page: the six published organizations only, each a card.
    await page.getByRole('link', { name: '新潟市 北区 — 令和5年度' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和5年度/ }).waitFor();
    const table = page.locator('.overview-sheets');
    expect(published).toHaveLength(6);
    expect(published).toContain('北区郷土博物館');
    for (const title of published) await table.getByRole('link', { name: title, exact: true }).waitFor();
    expect(await table.locator('.overview-sheet').count()).toBe(6);
    for (const title of unpublished) {
      expect(await table.getByRole('link', { name: title }).count(), title).toBe(0);
    }
    const downloads = page.getByRole('region', { name: 'ダウンロード' });
    expect(await downloads.getByRole('link', { name: '空の様式（Excel）' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Excel から取り込む' }).count()).toBe(0);
    await expectAccessible(page, 'the ward page (visitor)');

    // 冊子（PDF）: made on request, with its progress, then offered as a link.
    const valueTexts = await recordTexts(page, '[role=progressbar]', 'aria-valuetext');
    const announced = await recordTexts(page, '.booklet [role=status]');
    await downloads.getByRole('button', { name: '冊子（PDF）を作成' }).click();
    const bookletLink = downloads.getByRole('link', { name: '冊子（PDF）を保存' });
    await bookletLink.waitFor();
    const bar = downloads.getByRole('progressbar', { name: '冊子の作成' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('6');
    expect(await bar.getAttribute('aria-valuemax')).toBe('6');
    expect(await bar.getAttribute('aria-valuetext')).toBe('6/6 シート');
    expect(await valueTexts()).toContain('6/6 シート');
    const said = await announced();
    expect(said[0]).toContain('冊子');
    expect(said.at(-1)).toContain('冊子（PDF）ができました');
    await snapPart(downloads, 'portal-ward-downloads');
    await expectAccessible(page, 'the ward page with the booklet ready');
    const booklet = await downloadBy(bookletLink);
    expect(booklet.bytes.subarray(0, 4).toString()).toBe('%PDF');
    expect(booklet.name).toMatch(/\.pdf$/);

    // Excel, CSV and JSON: plain links.
    const xlsx = await downloadBy(downloads.getByRole('link', { name: 'Excel（.xlsx）' }));
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    const csv = await downloadBy(downloads.getByRole('link', { name: 'CSV（オープンデータ）' }));
    expect(csv.bytes.subarray(0, 3).equals(bom)).toBe(true);
    const csvText = csv.bytes.toString('utf8');
    expect(csvText).toContain('北区郷土博物館');
    expect(csvText).not.toContain('定時退庁推進日実施率');
    expect(csvText).not.toContain('特定健康診査受診率');
    const json = await downloadBy(downloads.getByRole('link', { name: 'JSON（交換形式）' }));
    const exported = JSON.parse(json.bytes.toString('utf8')) as {
      sheets: { department: string; organization: string | null }[];
    };
    // A sheet's title is its organization, or its department when it has none.
    expect(exported.sheets.map((s) => s.organization ?? s.department).sort()).toEqual([...published].sort());

    // Readable at 375px without scrolling the page sideways; printed without the downloads.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await pageScrollsSideways(page)).toBe(false);
    await snap(page, 'portal-ward-375', true);
    await page.setViewportSize(viewport);
    await expectHiddenInPrint(page, '.downloads');
    await expectHiddenInPrint(page, '.job-progress');

    // A sheet: its PDF next to 印刷, hidden in print.
    await table.getByRole('link', { name: '北区郷土博物館', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    const pdfLink = page.getByRole('link', { name: 'PDF をダウンロード' });
    expect(
      await page
        .getByRole('list', { name: 'このシートの操作' })
        .getByRole('button', { name: '印刷' })
        .count(),
    ).toBe(1);
    await expectAccessible(page, 'the sheet page (visitor)');
    const sheetPdf = await downloadBy(pdfLink);
    expect(sheetPdf.bytes.subarray(0, 4).toString()).toBe('%PDF');
    await expectHiddenInPrint(page, '.sheet-toolbar a[href$="/pdf"]');

    // Nothing unpublished anywhere: the API list, the sheet pages, the PDF.
    const list = await page.request.get(
      `${baseUrl}/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`,
    );
    const titles = ((await list.json()) as { sheets: { title: string }[] }).sheets.map((s) => s.title);
    expect(titles.sort()).toEqual([...published].sort());
    for (const title of unpublished) {
      await page.goto(`${baseUrl}/sheets/${sheetId(title)}`);
      await appDrawn(page);
      await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
      const pdf = await page.request.get(`${baseUrl}/api/v1/downloads/sheets/${sheetId(title)}/pdf`);
      expect(pdf.status(), `${title}'s PDF`).toBe(404);
    }

    // The import page says who may import, and offers nothing else.
    await page.goto(`${baseUrl}/years/2023/wards/${encodeURIComponent('北区')}/import`);
    await page.getByRole('heading', { level: 1, name: /Excel から取り込む/ }).waitFor();
    expect(await page.getByRole('button', { name: '取り込む' }).count()).toBe(0);
    await expectAccessible(page, 'the import page (visitor)');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});

describe('Excel import from the UI', () => {
  test('企画担当 imports an edited workbook, and a broken one writes nothing', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'kita-kikaku', '北区 企画担当（デモ）');
    const params = new URLSearchParams({ fiscalYear: '2022', ward: '北区', municipality: '新潟市' });
    const original = await (await page.request.get(`${baseUrl}/api/v1/downloads/xlsx?${params}`)).body();
    const [edited, broken] = await Promise.all([editedWorkbook(original), brokenWorkbook(original)]);

    // Signed in from the start page, the 企画担当 is on ホーム: back to the ward chooser.
    await page.getByRole('link', { name: '部区・年度を選ぶ' }).first().click();
    await page.getByRole('link', { name: '新潟市 北区 — 令和4年度' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
    const template = page
      .getByRole('region', { name: 'ダウンロード' })
      .getByRole('link', { name: '空の様式（Excel）' });
    expect(await template.getAttribute('href')).toBe('/api/v1/downloads/xlsx-template?fiscalYear=2022');
    await page.getByRole('link', { name: 'Excel から取り込む' }).click();
    await page.getByRole('heading', { level: 1, name: /Excel から取り込む/ }).waitFor();
    await expectAccessible(page, 'the import page');

    // A broken workbook: the places and messages, focus on them, nothing written.
    const input = page.getByLabel('取り込むファイル（Excel .xlsx または JSON）');
    await input.setInputFiles({ name: 'broken.xlsx', mimeType: xlsxMime, buffer: broken });
    await page.getByRole('button', { name: '内容を確認する' }).click();
    const failure = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: '取り込めませんでした' }) });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('何も取り込んでいません');
    const places = await failure.getByRole('rowheader').allTextContents();
    expect(
      places.some((place) => /^健康福祉課!N\d+$/.test(place)),
      places.join(', '),
    ).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('import-errors'))).toBe(true);
    await snap(page, 'portal-import-failure', true);
    await expectAccessible(page, 'the import page with problems');

    // The edited workbook: progress, the preview (one published sheet replaced: a reason), the summary.
    const statuses = await recordTexts(page, '.import-status');
    await input.setInputFiles({ name: 'edited.xlsx', mimeType: xlsxMime, buffer: edited });
    await page.getByRole('button', { name: '内容を確認する' }).click();
    const preview = page.getByRole('region', { name: '取り込みの確認' });
    await preview.waitFor();
    // The job waits in the queue (準備中) until a server takes it, then checks the file; a fast
    // check may pass between two polls, but the page always showed that work was under way.
    expect(await statuses()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(準備中|ファイルを確認中)$/)]),
    );
    const replaced = preview.getByRole('row', { name: /建設課/ });
    expect(await replaced.getByRole('cell').first().textContent()).toBe('置き換え');
    await preview.getByLabel('置き換えの理由（必須）').fill('研修発表の回数の訂正');
    await preview.getByRole('button', { name: '取り込む' }).click();
    const success = page.locator('.import-result');
    await success.getByRole('heading', { name: '取り込みました' }).waitFor();
    expect(await success.locator('dd').allTextContents()).toEqual([
      '新潟市 北区 令和4年度',
      '8件',
      '新規 0件・置き換え 1件・変更なし 7件',
      expect.stringMatching(/^\d+件$/),
      expect.stringMatching(/^\d+件$/),
    ]);
    expect(await failure.count()).toBe(0);
    await snap(page, 'portal-import-success', true);
    await expectAccessible(page, 'the import page after importing');

    await success.getByRole('link', { name: '新潟市 北区 令和4年度のシート一覧へ' }).click();
    await page.getByRole('link', { name: '建設課', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    await page
      .getByRole('table', { name: /組織目標と指標/ })
      .getByText('7回')
      .first()
      .waitFor();
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});
