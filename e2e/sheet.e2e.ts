import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { appDrawn, expectAccessible, fontsReady, headerField, sampleSheetId } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('a visitor reads and prints a goal sheet', () => {
  test('from the ward list to the printed sheet of 地域総務課, without leaving the origin', async () => {
    const { page, requests } = await openPage(browser, { viewport: { width: 1440, height: 900 } });

    // 1. The home page lists the ward and its year.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: '部区・年度を選ぶ' }).waitFor();
    expect(await page.title()).toBe('部区・年度を選ぶ | 組織目標管理シート');
    await expectAccessible(page, '/');

    // 2. The ward's year of 令和4年度: the 評価 of its 43 indicators, a card per sheet, the JSON download.
    await page.getByRole('link', { name: '新潟市 北区 — 令和4年度' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
    expect(decodeURIComponent(page.url())).toContain('/years/2022/wards/北区');
    expect(await page.title()).toContain('新潟市 北区 令和4年度');
    expect(await page.locator('.overview-sheet').count()).toBe(8);
    const mix = page
      .getByRole('figure', { name: /北区の指標の評価/ })
      .getByRole('row', { name: /令和4年度/ });
    expect(await mix.getByRole('cell').last().textContent()).toBe('43');
    const download = page.getByRole('link', { name: 'JSON（交換形式）' });
    const href = (await download.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/v1\/export\?/);
    const exported = (await (await fetch(new URL(href, baseUrl))).json()) as { sheets: unknown[] };
    expect(exported.sheets).toHaveLength(8);
    await expectAccessible(page, 'the ward page');

    // 3. One sheet in the official layout.
    await page.getByRole('link', { name: '地域総務課', exact: true }).click();
    await page.waitForURL(/\/sheets\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    expect(await page.title()).toContain('地域総務課 令和4年度');
    expect(await headerField(page, '年度')).toBe('令和4年度');
    expect(await headerField(page, '部区')).toBe('北区');
    expect(await headerField(page, '組織名（部）')).toBe('地域総務課');
    expect(await headerField(page, '作成日')).toBe('令和4年4月1日');
    expect(await headerField(page, '修正日')).toBe('令和4年10月1日');
    expect(await headerField(page, '評価日')).toBe('令和5年3月31日');
    expect(await headerField(page, '問合せ先（電話番号）')).toBe('025-387-1150');

    const sheetTable = page.getByRole('table', { name: /組織目標と指標/ });
    for (const label of [
      'No.',
      '部区',
      '組織目標',
      '主な取組（事業）',
      '指標',
      '項目（単位）',
      'R1実績',
      'R2実績',
      'R3実績',
      'R4目標',
      'R4結果',
      '補足・参考指標',
      '目標達成状況',
      '評価',
    ]) {
      expect(await sheetTable.getByRole('columnheader', { name: label, exact: true }).count(), label).toBe(1);
    }
    const overtime = sheetTable
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: '定時退庁推進日実施率（％）', exact: true }) });
    expect(await overtime.count()).toBe(1);
    expect(await overtime.getByRole('cell', { name: '48.2', exact: true }).count()).toBe(1);
    // The evaluation as judged; the rule's differing suggestion (50 → 48.2 is 96.4%) is an internal
    // aid the city has not published, so the public's page leaves it out.
    const evaluation = overtime.locator('td.indicator-evaluation');
    expect(await evaluation.locator('.evaluation').textContent()).toBe('未達成');
    expect(await evaluation.textContent()).not.toContain('基準による目安');
    // Goal cells span their indicators' rows; one <tbody> per goal (4 goals on this sheet).
    expect(await sheetTable.locator('tbody').count()).toBe(4);
    await page.getByRole('heading', { name: /^取り組みについて/ }).waitFor();
    await page.getByRole('heading', { name: /^取り組みの結果について/ }).waitFor();
    await expectAccessible(page, 'the sheet page');

    // 4. The 印刷 button opens the print dialog.
    await page.evaluate(() => {
      const w = window as unknown as { printCalls: number };
      w.printCalls = 0;
      window.print = () => {
        w.printCalls += 1;
      };
    });
    await page.getByRole('button', { name: '印刷' }).click();
    expect(await page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);

    // 5. Printed: no application chrome, the sheet and its table remain, the header repeats.
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.skip-link', '.site-header', '.site-footer', '.breadcrumbs', '.sheet-toolbar']) {
      expect(await page.locator(chrome).isVisible(), `${chrome} is hidden in print`).toBe(false);
    }
    expect(await page.getByRole('button', { name: '印刷' }).isVisible()).toBe(false);
    expect(await sheetTable.isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    expect(await sheetTable.locator('thead').evaluate((el) => getComputedStyle(el).display)).toBe(
      'table-header-group',
    );
    await fontsReady(page);
    const pdfDir = await mkdtemp(join(tmpdir(), 'mokuhyo-pdf-'));
    try {
      const pdfPath = join(pdfDir, 'sheet.pdf');
      await page.pdf({ path: pdfPath, preferCSSPageSize: true });
      const pdf = await readFile(pdfPath);
      expect(pdf.length).toBeGreaterThan(10_000);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await rm(pdfDir, { recursive: true, force: true });
    }
    await page.emulateMedia({ media: 'screen' });

    // 6. Everything (scripts, styles, fonts, API calls) came from the app's own origin.
    expect(requests.some((url) => url.includes('/api/v1/sheets/'))).toBe(true);
    expect(requests.some((url) => /\.woff2$/.test(url))).toBe(true);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('the sheet is readable on a 375px wide screen: a card per goal, nothing scrolls sideways', async () => {
    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    const { page, requests } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: /組織目標管理シート/ }).waitFor();

    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth, 'the page itself does not scroll sideways').toBeLessThanOrEqual(375);
    const region = page.getByRole('region', { name: /組織目標と指標/ });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls, 'the cards fit the screen').toBe(false);
    // Each value is named by its column, as the table's header would.
    const first = page.locator('tbody.goal').first();
    expect(await first.locator('td[data-label="R4結果"]').count()).toBeGreaterThan(0);
    expect(
      await first
        .locator('td[data-label="R4結果"]')
        .first()
        .evaluate((el) => getComputedStyle(el, '::before').content),
    ).toBe('"R4結果"');

    await expectAccessible(page, 'the sheet page at 375px');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    // A visitor's direct visit asks for the sheet once (the page names it, and the browser fetches
    // it beside the scripts), and loads nothing of the staff's tools.
    expect(requests.filter((url) => url.endsWith(`/api/v1/sheets/${sheetId}`))).toHaveLength(1);
    expect(requests.filter((url) => url.includes('SheetStaffTools'))).toEqual([]);
    await page.context().close();
  });

  test('a published sheet arrives already drawn, readable without scripts, and the app draws the same', async () => {
    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    const viewport = { width: 1440, height: 900 };
    const shown = (page: Page) =>
      page.evaluate(() => ({
        title: document.title,
        sheet: document.querySelectorAll('article.sheet').length,
        text: document.querySelector('article.sheet')?.textContent,
        trail: [...document.querySelectorAll('nav.breadcrumbs a')].map((a) => [
          a.textContent,
          a.getAttribute('href'),
        ]),
        context: document.querySelector('.sheet-toolbar__context')?.textContent,
      }));

    // What the server sends: the page, drawn, for a browser that runs no script at all.
    const plain = await openPage(browser, { viewport, javaScriptEnabled: false });
    await plain.page.goto(`${baseUrl}/sheets/${sheetId}`);
    const drawn = await shown(plain.page);
    expect(drawn.sheet).toBe(1);
    expect(drawn.text).toContain('令和4年度');
    expect(drawn.title).toBe('地域総務課 令和4年度（新潟市 北区） | 組織目標管理シート');
    await plain.page.context().close();
    // And accessible as it is (the app's scripts held back, so it stays the server's).
    const held = await openPage(browser, { viewport });
    await held.page.route('**/assets/*.js', (route) => route.abort());
    await held.page.goto(`${baseUrl}/sheets/${sheetId}`);
    expect(await shown(held.page)).toEqual(drawn);
    await expectAccessible(held.page, 'the sheet page as the server draws it');
    await held.page.context().close();

    // The app draws the same page in its place, once, with what this visitor may do.
    const { page } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('link', { name: 'ログイン' }).waitFor();
    expect(await shown(page)).toEqual(drawn);
    await page.context().close();
  });

  test('the app takes over the drawn page where the reader is: the same place, the same focused link', async () => {
    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 600 } });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/assets/*.js', async (route) => {
      await released;
      await route.continue();
    });
    await page.goto(`${baseUrl}/sheets/${sheetId}`, { waitUntil: 'commit' });
    await page.locator('main[data-drawn-by-server]').waitFor();
    // Buttons that only the app can run are not offered yet.
    expect(await page.getByRole('button', { name: '印刷' }).count()).toBe(0);
    // The reader scrolls down and tabs to a link of the trail.
    const trail = '新潟市 北区 令和4年度';
    await page.evaluate((name) => {
      window.scrollTo(0, 400);
      const link = [...document.querySelectorAll('nav.breadcrumbs a')].find((a) => a.textContent === name);
      (link as HTMLElement | undefined)?.focus({ preventScroll: true });
    }, trail);
    const place = await page.evaluate(() => window.scrollY);
    expect(place).toBeGreaterThan(0);

    release();
    await appDrawn(page);
    await page.getByRole('button', { name: '印刷' }).waitFor();
    // The same place, but for the few pixels the app's header adds (who is signed in).
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - place)).toBeLessThanOrEqual(16);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(trail);
    await page.context().close();
  });

  test('a visitor’s first load of a sheet brings at most 150 KiB of scripts and stylesheets, compressed', async () => {
    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    const { page } = await openPage(browser);
    const sent: Promise<{ url: string; bytes: number; encoding: string | null }>[] = [];
    page.on('requestfinished', (request) => {
      if (!/\.(?:js|css)$/.test(new URL(request.url()).pathname)) return;
      sent.push(
        (async () => {
          const sizes = await request.sizes();
          const response = await request.response();
          return {
            url: request.url(),
            bytes: sizes.responseHeadersSize + sizes.responseBodySize,
            encoding: (await response?.allHeaders())?.['content-encoding'] ?? null,
          };
        })(),
      );
    });
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.waitForLoadState('networkidle');
    const files = await Promise.all(sent);
    // Issue 11's budget for the public sheet page (bench/first-load.ts measures it the same way).
    const total = files.reduce((sum, file) => sum + file.bytes, 0);
    expect(total, files.map((f) => `${f.url} ${f.bytes}`).join('\n')).toBeLessThanOrEqual(150 * 1024);
    expect(files.filter((f) => f.bytes > 1024 && f.encoding !== 'br')).toEqual([]);
    expect(files.some((f) => f.url.includes('SheetStaffTools'))).toBe(false);
    await page.context().close();
  });
});
