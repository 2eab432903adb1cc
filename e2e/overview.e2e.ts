import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WardYearOverview } from '../src/schemas/overview';
import type { WardYearSheets } from '../src/schemas/sheet';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { appDrawn, expectAccessible, snap } from './helpers';
import { pageScrollsSideways } from './portal-files';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
const kita = encodeURIComponent('北区');

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** The numbers of a chart's table, row by row: [label, ...counts] without the shares. */
async function tableRows(page: Page, name: RegExp): Promise<string[][]> {
  const table = page.getByRole('figure', { name }).getByRole('table');
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => [
      (await row.locator('th').textContent()) ?? '',
      ...(await row
        .locator('td')
        .evaluateAll((cells) => cells.map((cell) => cell.firstChild?.textContent ?? ''))),
    ]),
  );
}

const countsOf = (e: WardYearSheets['totals']['evaluations']) =>
  [e.達成, e.一部未達成, e.未達成, e.未評価].map((n) => n.toLocaleString('ja-JP'));

describe('a year at a glance, as a visitor', () => {
  test('home → the municipality → the ward’s year (chart, table, trends) → a sheet’s place → search', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 375, height: 800 },
    ]) {
      const at = `${viewport.width} px`;
      const { page, requests } = await openPage(browser, { viewport });
      await page.goto(`${baseUrl}/`);
      await appDrawn(page);
      await expectAccessible(page, `/ at ${at}`);

      // The municipality's year: every 部区 with its mix, and the way to each.
      await page.locator('.municipality-years').getByRole('link', { name: '令和4年度' }).first().click();
      await page.getByRole('heading', { level: 1, name: /新潟市 令和4年度/ }).waitFor();
      await expectAccessible(page, `the municipality's year at ${at}`);
      expect(await pageScrollsSideways(page), at).toBe(false);
      await snap(page, `overview-municipality-${viewport.width}`, true);
      const list = await api<WardYearSheets>(page, `/api/v1/sheets?fiscalYear=2022&ward=${kita}`);
      const wardsTable = page.getByRole('table', { name: /部区ごとの指標の評価/ });
      const kitaRow = wardsTable
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: '北区' }) });
      const kitaCells = await kitaRow.locator('td').allTextContents();
      expect(kitaCells.slice(0, 5)).toEqual([
        String(list.sheets.length),
        ...countsOf(list.totals.evaluations),
      ]);
      await kitaRow.getByRole('link', { name: '北区' }).click();

      // The ward's year: the mix as a chart and its table, equal to the sheets' own counts.
      await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
      const overview = await api<WardYearOverview>(
        page,
        `/api/v1/overview/ward-year?fiscalYear=2022&ward=${kita}`,
      );
      const rows = await tableRows(page, /北区の指標の評価/);
      expect(rows[0]).toEqual([
        '令和4年度',
        ...countsOf(list.totals.evaluations),
        String(list.totals.indicators),
      ]);
      if (overview.previous) {
        expect(rows[1]).toEqual([
          '令和3年度',
          ...countsOf(overview.previous.evaluations),
          expect.any(String),
        ]);
      } else {
        await page.getByText('令和3年度の見られるシートがないため、前年度との比較はありません。').waitFor();
      }
      // Staff columns and the year's work stay on staff pages.
      expect(await page.getByRole('columnheader', { name: '段階' }).count()).toBe(0);
      expect(await page.getByText('作成の期限').count()).toBe(0);

      // Each sheet a card with its 評価 counted as the list counts them, and every goal's indicators.
      const cards = page.locator('.overview-sheet');
      expect(await cards.count()).toBe(list.sheets.length);
      for (const [index, sheet] of list.sheets.entries()) {
        const card = cards.nth(index);
        expect(await card.getByRole('heading', { level: 3 }).textContent()).toContain(sheet.title);
        const e = sheet.evaluations;
        expect(await card.locator('.overview-sheet__mix').textContent()).toContain(
          `指標${sheet.indicatorCount}件（達成${e.達成}件、一部未達成${e.一部未達成}件、未達成${e.未達成}件`,
        );
      }
      if (viewport.width === 375) {
        const box = await cards.first().boundingBox();
        expect(box?.width ?? 999).toBeLessThanOrEqual(375);
      }

      // A goal's inline trend, no click needed: its years in words.
      const somu = cards.filter({ hasText: '地域総務課' });
      const trend = somu.getByRole('img', { name: /^推移：.*避難所|推移：/ }).first();
      await trend.waitFor();
      const trendName = (await trend.getAttribute('aria-label')) ?? '';
      expect(trendName).toMatch(/R\d+実績 .*R4結果 .*（目標 /);
      await expectAccessible(page, `the ward's year at ${at}`);
      expect(await pageScrollsSideways(page), at).toBe(false);
      await snap(page, `overview-ward-${viewport.width}`, true);

      // The indicator's name opens the sheet at its row; back, the reader is where they were.
      const lastCard = cards.last();
      await lastCard.scrollIntoViewIfNeeded();
      const place = await page.evaluate(() => window.scrollY);
      expect(place).toBeGreaterThan(500);
      await lastCard.locator('.overview-indicator__name').first().click();
      await page.waitForURL(/#at-goal-\d+-indicator-\d+$/);
      await page.goBack();
      await cards.first().waitFor();
      await page.waitForFunction((y) => Math.abs(window.scrollY - y) < 5, place);
      await somu.getByRole('link', { name: /避難所運営組織数/ }).click();
      await page.waitForURL(/#at-goal-1-indicator-0$/);
      await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
      await page.locator('#at-goal-1-indicator-0').waitFor();
      await expectAccessible(page, `the sheet at ${at}`);

      // Search from the header, and on to the place on the sheet.
      const box = page.getByRole('searchbox', { name: 'シートを検索' });
      await box.fill('防災');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: '検索' }).waitFor();
      await page.locator('.search-hit').first().waitFor();
      await expectAccessible(page, `search at ${at}`);
      const hit = page.locator('.search-hit').first();
      const anchor = ((await hit.getByRole('link').first().getAttribute('href')) ?? '').split('#')[1] ?? '';
      await hit.getByRole('link').first().click();
      await page.locator(`[id="${anchor}"]`).waitFor();

      // The other pages a visitor may open: sign-in, a page that is not there, the API's description.
      await page.getByRole('link', { name: 'ログイン', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
      await expectAccessible(page, `sign-in at ${at}`);
      await page.goto(`${baseUrl}/years/2022/wards/${kita}/nothing-here`);
      await appDrawn(page);
      await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
      await expectAccessible(page, `not found at ${at}`);
      await page.goto(`${baseUrl}/api/docs`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(page, `the API's description at ${at}`);
      expect(requestsOutside(requests, baseUrl)).toEqual([]);
      await page.context().close();
    }
  });
});
