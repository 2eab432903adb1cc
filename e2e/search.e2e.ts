import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { appDrawn, expectAccessible, snap } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('検索 as a visitor', () => {
  test('from the header to the matches, a filter, and the place on the sheet', async () => {
    const { page, requests } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/`);
    await appDrawn(page);
    await page.getByRole('searchbox', { name: 'シートを検索' }).fill('避難所');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '検索' }).waitFor();
    const count = page.locator('.search-count');
    await count.filter({ hasText: '「避難所」を含む記載' }).waitFor();
    const hits = page.locator('.search-hit');
    expect(await hits.count()).toBeGreaterThanOrEqual(6);
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('避難所');
    await snap(page, 'search-1280');
    await expectAccessible(page, 'the search page at 1280 px');

    // Narrowed to 達成 from the form; the address keeps it.
    await page.getByLabel('評価').selectOption('達成');
    await page.getByRole('button', { name: '検索', exact: true }).last().click();
    await page.waitForURL(/evaluation=/);
    await count.filter({ hasText: '件' }).waitFor();
    const places = await page.locator('.search-hit__place').allTextContents();
    expect(places.length).toBeGreaterThan(0);

    // A match in an indicator opens the sheet at that indicator's row.
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('避難所運営組織数')}`);
    const link = page.locator('.search-hit__title a').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL(/\/sheets\/[0-9a-f-]+#at-goal-1-indicator-0$/);
    await page.locator('#at-goal-1-indicator-0').waitFor();
    expect(await page.locator('#at-goal-1-indicator-0').isVisible()).toBe(true);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('full-width and half-width are one, and the search page reads on a phone', async () => {
    const { page } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    await page.goto(`${baseUrl}/search?q=${encodeURIComponent('ＩＣＴ')}`);
    const count = page.locator('.search-count');
    await count.filter({ hasText: '件' }).waitFor();
    const full = await page.locator('.search-hit').count();
    await page.goto(`${baseUrl}/search?q=ict`);
    await count.filter({ hasText: '「ict」' }).waitFor();
    expect(await page.locator('.search-hit').count()).toBe(full);
    await snap(page, 'search-375', true);
    await expectAccessible(page, 'the search page at 375 px');
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
