import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { expectAccessible, snap } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('API 仕様', () => {
  test('reads as field tables in the app’s look, leads back to the app, and fits a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 812 },
    ]) {
      const { page } = await openPage(browser, { viewport });
      await page.goto(`${baseUrl}/api/docs`);
      await page.getByRole('heading', { level: 1, name: /^API 仕様/ }).waitFor();
      // Nothing wider than the screen but the tables, each scrolling in its own labelled region.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      const save = page.getByRole('region', { name: 'PUT /api/v1/sheets/{id}', exact: true });
      await save.getByText(/^送信する JSON（\d+項目）$/).click();
      const body = save.getByRole('table', { name: '送信する JSON' });
      const version = body
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'version', exact: true }) });
      expect(await version.getByRole('cell').allTextContents()).toEqual(['整数', '必須', '1以上']);
      expect(await save.locator('pre').count()).toBe(0);
      // axe over the whole page (every operation's tables) is slow: once, at the phone's width.
      if (viewport.width === 375) await expectAccessible(page, 'the API document page at 375px');
      await snap(page, `api-docs-${viewport.width}`);
      await page.getByRole('link', { name: '組織目標管理シート' }).click();
      await page.waitForURL(`${baseUrl}/`);
      await page.context().close();
    }
  });
});
