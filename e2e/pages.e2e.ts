import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { expectAccessible } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('pages other than the journey', () => {
  test.each([
    ['an unknown sheet', '/sheets/00000000-0000-4000-8000-000000000000'],
    ['an unknown address', '/no-such-page'],
    ['a malformed fiscal year', '/years/R4/wards/%E5%8C%97%E5%8C%BA'],
  ])('%s shows the Japanese not-found page', async (_label, path) => {
    const { page, requests } = await openPage(browser);
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    expect(await page.title()).toBe('ページが見つかりません | 組織目標管理シート');
    await page.getByRole('link', { name: '部区・年度の一覧へ戻る' }).waitFor();
    await expectAccessible(page, path);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('an API error is shown with its Japanese message', async () => {
    const { page } = await openPage(browser);
    const body = { error: { code: 'bad_request', message: '年度の指定が正しくありません。', issues: [] } };
    await page.route(`${baseUrl}/api/v1/wards`, (route) => route.fulfill({ status: 400, json: body }));
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'ページを表示できませんでした' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('年度の指定が正しくありません。');
    expect(await page.title()).toBe('エラー | 組織目標管理シート');
    await page.getByRole('button', { name: '再読み込み' }).waitFor();
    await expectAccessible(page, 'the error page');
    await page.context().close();
  });

  test('the skip link is the first stop of the keyboard and moves focus to the main content', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: '本文へ移動' });
    expect(await skipLink.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skipLink.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('main') !== null);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    // The municipality's newest year comes first; other test files may have imported 令和5年度 by now.
    expect(focused).toMatch(/^令和\d+年度$/);
    expect(await page.evaluate(() => document.activeElement?.closest('.municipality-years') !== null)).toBe(
      true,
    );
    await page.context().close();
  });
});
