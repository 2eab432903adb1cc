import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sheetFileTitled } from '../src/server/testing/finders';
import { pastYearFixture } from '../src/server/testing/next-year-fixture';
import { connectBrowser, openPage } from './browser';
import { appDrawn, expectAccessible, headerField, snapPart } from './helpers';
import { apiSignIn, importThroughApi, sheetIds } from './session';
import { sharedBaseUrl } from './shared-server';

/**
 * The 企画担当 sets the 作成日 of a 部区's year on the ward page: the sheets of that year that
 * carry a 作成日 print the new date, and their history says who changed it from what.
 * Works on 令和3年度 (a year no other journey uses).
 */

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'admin');
  // The indicators are the 2022 sheet's series: 2021's result is its R3実績, which other
  // journeys on this server read. The file keeps it as it is (not the 2022 result copied over).
  const file = pastYearFixture(2021, (_, sheet) => sheet.status);
  file.sheets = ['地域総務課', '北区郷土博物館']
    .map((title) => sheetFileTitled(file, title))
    .map((sheet) => ({ ...sheet, createdOn: '2021-04-01', revisedOn: null, evaluatedOn: '2022-03-31' }));
  await importThroughApi(page, baseUrl, headers, file);
  await page.context().close();
});

afterAll(async () => {
  await browser?.close();
});

describe("a 部区's 作成日・修正日・評価日", () => {
  test('the 企画担当 sets the year’s 作成日; the sheets and their history follow', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(page, baseUrl, 'kita-kikaku');
    await page.goto(
      `${baseUrl}/years/2021/wards/${encodeURIComponent('北区')}?municipality=${encodeURIComponent('新潟市')}`,
    );
    const section = page.getByRole('region', { name: '令和3年度の作成日・修正日・評価日' });
    await section.waitFor();
    const created = section.getByLabel('作成日', { exact: true });
    expect(await created.inputValue()).toBe('');
    // An impossible order is refused next to the field, nothing is saved.
    await created.fill('2021-10-05');
    await section.getByLabel('修正日', { exact: true }).fill('2021-10-01');
    await section.getByRole('button', { name: '日付を設定' }).click();
    await section.getByText(/作成日（2021-10-05）より前/).waitFor();
    await snapPart(section, 'ward-year-dates-error');
    await expectAccessible(page, 'the ward page with a date error');

    await created.fill('2021-04-02');
    await section.getByLabel('修正日', { exact: true }).fill('');
    await section.getByRole('button', { name: '日付を設定' }).click();
    const done = section.getByRole('status').filter({ hasText: '日付を設定しました。' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/地域総務課、北区郷土博物館/);
    await snapPart(section, 'ward-year-dates-saved');

    const ids = await sheetIds(page, baseUrl, 2021);
    await page.goto(`${baseUrl}/sheets/${ids.get('地域総務課')}`);
    await appDrawn(page);
    await page.locator('.sheet-fields').waitFor();
    expect(await headerField(page, '作成日')).toBe('令和3年4月2日');
    expect(await headerField(page, '評価日')).toBe('令和4年3月31日');

    await page.getByRole('link', { name: '履歴', exact: true }).click();
    await page.getByText('部区の作成日・修正日・評価日の設定').first().waitFor();
    await page.locator('del.diff-value', { hasText: '令和3年4月1日' }).first().waitFor();
    await expectAccessible(page, 'the history with a date change');

    // One sheet's own 評価日, from the sheet page.
    await page.goto(`${baseUrl}/sheets/${ids.get('北区郷土博物館')}`);
    await appDrawn(page);
    await page.getByRole('button', { name: '作成日・修正日・評価日' }).click();
    const dialog = page.getByRole('dialog', { name: '作成日・修正日・評価日' });
    await dialog.waitFor();
    await dialog.getByLabel('評価日', { exact: true }).fill('2022-03-30');
    await dialog.getByLabel('変更の理由（任意）').fill('評価会議の日付に合わせるため');
    await snapPart(dialog, 'sheet-dates-dialog');
    await expectAccessible(page, 'the sheet dates dialog');
    await dialog.getByRole('button', { name: '日付を保存' }).click();
    await page.getByRole('status').filter({ hasText: '作成日・修正日・評価日を保存しました。' }).waitFor();
    expect(await headerField(page, '評価日')).toBe('令和4年3月30日');
    expect(await headerField(page, '作成日')).toBe('令和3年4月2日');

    // Others read the year's dates; only the 企画担当 gets the form.
    const viewer = await openPage(browser);
    await apiSignIn(viewer.page, baseUrl, 'viewer');
    await viewer.page.goto(`${baseUrl}/years/2021/wards/${encodeURIComponent('北区')}`);
    const list = viewer.page.locator('.date-list');
    await list.waitFor();
    expect(await list.locator('dd').allTextContents()).toEqual([
      '令和3年4月2日',
      '令和3年10月1日',
      '令和4年3月31日',
    ]);
    expect(await viewer.page.getByRole('button', { name: '日付を設定' }).count()).toBe(0);
    await viewer.page.context().close();
    await page.context().close();
  });
});
