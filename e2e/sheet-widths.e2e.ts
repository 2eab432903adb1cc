import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wardYearSheetsSchema } from '../src/schemas/sheet';
import { connectBrowser, openPage } from './browser';
import { appDrawn, expectAccessible, fontsReady, snap } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
let sheets: { id: string; title: string }[];

beforeAll(async () => {
  browser = await connectBrowser();
  const params = new URLSearchParams({ fiscalYear: '2022', ward: '北区', municipality: '新潟市' });
  const list = wardYearSheetsSchema.parse(await (await fetch(`${baseUrl}/api/v1/sheets?${params}`)).json());
  sheets = list.sheets.map((s) => ({ id: s.id, title: s.title }));
  expect(sheets).toHaveLength(8);
});

afterAll(async () => {
  await browser?.close();
});

/** How the goal table sits in its box, and every number of it that the line breaking split. */
function measure(page: Page) {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('.sheet-table');
    const box = table?.parentElement;
    const split: string[] = [];
    const walker = document.createTreeWalker(table ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/[0-9０-９][0-9０-９,，.．]*[0-9０-９]/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(match[0]);
      }
    }
    return { scrollWidth: box?.scrollWidth ?? 0, clientWidth: box?.clientWidth ?? 0, split };
  });
}

describe('the sheet at an office screen’s width', () => {
  test('at 1280 × 800 every sample sheet’s table fits its box, 評価 included, and no number is split', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    for (const sheet of sheets) {
      await page.goto(`${baseUrl}/sheets/${sheet.id}`);
      await appDrawn(page);
      await fontsReady(page);
      const { scrollWidth, clientWidth, split } = await measure(page);
      expect(scrollWidth, `${sheet.title}: the table's width in its box`).toBeLessThanOrEqual(clientWidth);
      expect(split, `${sheet.title}: numbers split across lines`).toEqual([]);
    }
    await snap(page, 'sheet-1280', true);
    await page.context().close();
  });

  test('at 375 × 812 every sample sheet reads as cards that fit the screen, no number split', async () => {
    const { page } = await openPage(browser, { viewport: { width: 375, height: 812 } });
    for (const sheet of sheets) {
      await page.goto(`${baseUrl}/sheets/${sheet.id}`);
      await appDrawn(page);
      await fontsReady(page);
      const { scrollWidth, clientWidth, split } = await measure(page);
      expect(scrollWidth, `${sheet.title}: the cards' width in their box`).toBeLessThanOrEqual(clientWidth);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      expect(split, `${sheet.title}: numbers split across lines`).toEqual([]);
    }
    await expectAccessible(page, 'a sheet as cards at 375px');
    await snap(page, 'sheet-375', true);
    await page.context().close();
  });
});
