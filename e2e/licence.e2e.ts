import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPassword } from '../src/db/seed/demo-users';
import { defaultLicence } from '../src/domain/licence';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { appDrawn, expectAccessible } from './helpers';

// This journey changes the municipality's licence, which every page shows: it runs on a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;
let sheetId: string;

const viewport = { width: 1280, height: 900 };
const wardPage = () => `${baseUrl}/years/2022/wards/${encodeURIComponent('北区')}`;
const custom = {
  name: 'クリエイティブ・コモンズ 表示 4.0 国際',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.ja',
};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
  const list = await (
    await fetch(`${baseUrl}/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`)
  ).json();
  sheetId = list.sheets.find((s: { title: string }) => s.title === '地域総務課').id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The licence line of a published sheet's page, as drawn by the server and then by the app. */
async function sheetLicence(page: Page): Promise<{ text: string | null; href: string | null }> {
  await page.goto(`${baseUrl}/sheets/${sheetId}`);
  const line = page.locator('.sheet-toolbar p', { hasText: 'ライセンス：' });
  await line.waitFor();
  const drawn = await line.getByRole('link').getAttribute('href');
  await appDrawn(page);
  const text = await line.textContent();
  const href = await line.getByRole('link').getAttribute('href');
  expect(href).toBe(drawn);
  return { text, href };
}

describe('the licence of the open data', () => {
  test('a visitor reads it on the sheet and beside the downloads, with the DCAT description linked', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    expect(await sheetLicence(page)).toEqual({
      text: `ライセンス：${defaultLicence.name}`,
      href: defaultLicence.url,
    });
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByText('ライセンス：').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    await page.goto(wardPage());
    const downloads = page.locator('section.downloads');
    await downloads.getByRole('heading', { name: 'ライセンス' }).waitFor();
    expect(await downloads.getByRole('link', { name: defaultLicence.name }).getAttribute('href')).toBe(
      defaultLicence.url,
    );
    const dcat = downloads.getByRole('link', { name: 'データセットの説明（DCAT、JSON-LD）' });
    expect(await dcat.getAttribute('rel')).toBe('alternate');
    expect(await dcat.getAttribute('type')).toBe('application/ld+json');
    const res = await page.request.get(new URL((await dcat.getAttribute('href')) ?? '', baseUrl).href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/ld+json; charset=utf-8');
    expect((await res.json())['dct:license']['@id']).toBe(defaultLicence.url);
    await expectAccessible(page, 'the ward page with its licence');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('管理者 chooses another licence, is told what is wrong first, and every page states the new one', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel('ログインID', { exact: true }).fill('admin');
    await page.getByLabel('パスワード', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText('管理者（デモ）', { exact: true }).waitFor();
    await page.goto(`${baseUrl}/settings/evaluation-rule`);
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: '公開するデータのライセンス' }),
    });
    await section.waitFor();
    expect(await section.textContent()).toContain('CC BY 4.0）と互換性があります');

    await section.getByLabel('ライセンスの名前').fill(custom.name);
    await section.getByLabel('ライセンスの URL').fill('ftp://example.jp/licence');
    await section.getByRole('button', { name: 'ライセンスを保存' }).click();
    const urlField = section.getByLabel('ライセンスの URL');
    await page.locator('#licence-url-error').waitFor();
    expect(await page.locator('#licence-url-error').textContent()).toContain('ライセンスの URL は');
    expect(await urlField.evaluate((input) => input === document.activeElement)).toBe(true);
    await expectAccessible(page, 'the licence form with an error');

    await urlField.fill(custom.url);
    await section.getByRole('button', { name: 'ライセンスを保存' }).click();
    await page.getByRole('status').filter({ hasText: 'ライセンスを保存しました。' }).waitFor();
    expect(await section.getByText('現在のライセンス').textContent()).toBe(
      `現在のライセンス：${custom.name}`,
    );
    expect(requestsOutside(requests, baseUrl)).toEqual([]);

    const visitor = await openPage(browser, { viewport });
    expect(await sheetLicence(visitor.page)).toEqual({
      text: `ライセンス：${custom.name}`,
      href: custom.url,
    });
    await visitor.page.context().close();

    await section.getByRole('button', { name: '既定に戻す' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '既定のライセンス（公共データ利用規約 第1.0版）に戻しました。' })
      .waitFor();
    expect(await section.getByText('現在のライセンス').textContent()).toBe(
      `現在のライセンス：${defaultLicence.name}（既定）`,
    );
    await page.context().close();
  });
});
