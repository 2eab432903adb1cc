import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { wardYearSheetsSchema } from '../src/schemas/sheet';
import { awkwardTexts } from '../src/schemas/text-samples';
import { awkwardWardYearFile } from '../src/server/testing/awkward-sheet';
import { sheetFileTitled } from '../src/server/testing/finders';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { appDrawn } from './helpers';
import { apiSignIn, importThroughApi } from './session';
import { sharedBaseUrl } from './shared-server';

/**
 * Text that looks like markup (an <img onerror>, a <script>, an <svg onload>, a javascript: link),
 * SQL, entities or templates is shown on the page as the text it is: the DOM text equals what was
 * written, no element is made of it, and nothing of it runs.
 */

const baseUrl = sharedBaseUrl();
// A year no other journey uses (平成27年度), so this sheet changes nothing they look at.
const fiscalYear = 2015;
let browser: Browser;
let sheetId = '';
let draftId = '';

beforeAll(async () => {
  browser = await connectBrowser();
  const { page } = await openPage(browser);
  try {
    const headers = await apiSignIn(page, baseUrl, 'admin');
    const file = awkwardWardYearFile(fiscalYear);
    const published = sheetFileTitled(file, '地域総務課');
    // A draft of 健康福祉課 with the same goals, for its staff to edit in the browser.
    file.sheets.push({ ...published, department: '健康福祉課', purpose: null, status: 'draft' });
    await importThroughApi(page, baseUrl, headers, file);
    const params = new URLSearchParams({
      fiscalYear: String(fiscalYear),
      ward: '北区',
      municipality: '新潟市',
    });
    const list = wardYearSheetsSchema.parse(
      await (await page.request.get(`${baseUrl}/api/v1/sheets?${params}`)).json(),
    );
    sheetId = list.sheets.find((s) => s.title === '地域総務課')?.id ?? '';
    draftId = list.sheets.find((s) => s.title === '健康福祉課')?.id ?? '';
    expect([sheetId, draftId]).not.toContain('');
  } finally {
    await page.context().close();
  }
});

afterAll(async () => {
  await browser?.close();
});

/** Anything the awkward texts would have made or run, had they been taken for HTML. */
async function traces(page: Page) {
  return page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    images: [...document.querySelectorAll('img')].map((img) => img.getAttribute('src')),
    scripts: [...document.querySelectorAll('body script')].length,
    svgHandlers: [...document.querySelectorAll('svg[onload]')].length,
    handlers: [...document.querySelectorAll('[onerror], [onload]')].length,
    scriptLinks: [...document.querySelectorAll('a[href^="javascript:"]')].length,
    npoElements: document.getElementsByTagName('NPO法人ひまわり会').length,
    breaks: [...document.querySelectorAll('main br')].length,
  }));
}

const texts = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) => elements.map((e) => e.textContent));

describe('text as written on the page', () => {
  test('a published sheet shows every awkward text as text, and nothing of it runs', async () => {
    const { page, requests } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: /地域総務課/ }).waitFor();
    await page.locator('td.goal-text').first().waitFor();

    const written = [...awkwardTexts];
    expect(await texts(page, 'td.goal-text')).toEqual(written);
    expect(await texts(page, '.goal-initiatives li')).toEqual(written);
    expect(await texts(page, '.indicator-name')).toEqual(written);
    expect(await texts(page, 'td.indicator-note')).toEqual(written);
    expect(await texts(page, 'td.indicator-achievement')).toEqual(written);
    expect(await texts(page, '#at-approach p')).toEqual([awkwardTexts[1]]);
    expect(await texts(page, '#at-outcome p')).toEqual([awkwardTexts[2]]);
    // Each text is also in the page as the reader sees it (target and result cells included).
    const bodyText = (await page.locator('main').textContent()) ?? '';
    for (const text of awkwardTexts) expect(bodyText.split(text).length - 1, text).toBeGreaterThanOrEqual(7);

    // Give an <img onerror> the time it would take to fail and run.
    await page.waitForTimeout(500);
    expect(await traces(page)).toEqual({
      xss: null,
      images: [],
      scripts: 0,
      svgHandlers: 0,
      handlers: 0,
      scriptLinks: 0,
      npoElements: 0,
      breaks: 0,
    });
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => new URL(url).pathname === '/x')).toEqual([]);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('typed into the editor, the texts are saved as written and the form shows them as they are', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    await page.goto(`${baseUrl}/sheets/${draftId}/edit`);
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    for (const [i, text] of awkwardTexts.entries())
      expect(await page.locator(`#f-goals-${i}-text`).inputValue(), text).toBe(text);

    const typed = awkwardTexts.join('\n');
    await page.getByLabel('組織の目的').fill(typed);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const stored = await (await page.request.get(`${baseUrl}/api/v1/sheets/${draftId}`)).json();
    expect(stored.purpose).toBe(typed);
    expect(stored.goals.map((g: { text: string }) => g.text)).toEqual([...awkwardTexts]);

    await page.goto(`${baseUrl}/sheets/${draftId}`);
    await appDrawn(page);
    await page.locator('td.goal-text').first().waitFor();
    expect(await page.locator('.sheet-fields dd', { hasText: awkwardTexts[0] }).first().textContent()).toBe(
      typed,
    );
    await page.waitForTimeout(500);
    const seen = await traces(page);
    expect([seen.xss, seen.images, seen.scripts, seen.handlers, seen.breaks]).toEqual([null, [], 0, 0, 0]);

    // The history shows the change as the text it is.
    await page.goto(`${baseUrl}/sheets/${draftId}/history`);
    const added = page.locator('ins.diff-value--after', { hasText: awkwardTexts[0] }).first();
    await added.waitFor();
    expect(await added.textContent()).toBe(`変更後：${typed}`);
    await page.waitForTimeout(500);
    const inHistory = await traces(page);
    expect([inHistory.xss, inHistory.images, inHistory.scripts, inHistory.handlers]).toEqual([
      null,
      [],
      0,
      0,
    ]);
    await page.context().close();
  });

  test('a malformed address fragment names no place, and the sheet and its editor still show', async () => {
    const { page } = await openPage(browser);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/sheets/${sheetId}#%E0%A4%A`);
    await appDrawn(page);
    await page.locator('td.goal-text').first().waitFor();
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    await page.goto(`${baseUrl}/sheets/${draftId}/edit#%E0`);
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
