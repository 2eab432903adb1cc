import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { otherWardFile } from '../src/server/testing/policy-matrix';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { expectAccessible, snap } from './helpers';
import { signInThroughUi } from './session';

// This journey registers a second municipality, which the home page lists: a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;

const viewport = { width: 1280, height: 900 };
const temporary = 'shinano-river-sakura';
const chosen = 'echigo-plain-rice-field';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The CSRF header of this page's context, as the app sends it. */
async function csrfHeader(page: Page): Promise<Record<string, string>> {
  const token = (await page.context().cookies(baseUrl)).find((c) => c.name === 'mokuhyo_csrf')?.value;
  if (!token) throw new Error('no mokuhyo_csrf cookie');
  return { 'x-csrf-token': token };
}

describe('several municipalities on one installation', () => {
  test('a システム管理者 registers 長岡市 with its first 管理者 in the browser', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'system', 'システム管理者（デモ）');
    await page
      .getByRole('navigation', { name: 'サイト内' })
      .getByRole('link', { name: '自治体の管理' })
      .click();
    await page.getByRole('heading', { level: 1, name: '自治体の管理' }).waitFor();
    expect(await page.getByRole('table').getByRole('rowheader').allTextContents()).toEqual([
      '新潟市（既定の自治体）',
    ]);

    const fill = async (name: string) => {
      await page.getByLabel('自治体名', { exact: true }).fill(name);
      await page.getByLabel('管理者のログインID').fill('nagaoka-admin');
      await page.getByLabel('管理者の表示名').fill('長岡市 管理者');
      await page.getByLabel('仮パスワード').fill(temporary);
      await page.getByRole('button', { name: '自治体を登録' }).click();
    };
    // A name already registered: said beside the field, which takes the focus; nothing registered.
    await fill('新潟市');
    await page.locator('#municipality-name-error').waitFor();
    expect(await page.locator('#municipality-name-error').textContent()).toContain('登録済みの自治体です');
    expect(
      await page.getByLabel('自治体名', { exact: true }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await expectAccessible(page, 'the municipalities page with an error');

    await fill('長岡市');
    await page
      .getByRole('status')
      .filter({ hasText: '長岡市と管理者「nagaoka-admin」を登録しました。' })
      .waitFor();
    await page.getByRole('rowheader', { name: '長岡市' }).waitFor();
    await snap(page, 'municipalities');
    await expectAccessible(page, 'the municipalities page');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('長岡市’s 管理者 chooses a password and imports its first 部区 from ホーム', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.request.get(`${baseUrl}/api/v1/auth/me`);
    const signIn = await page.request.post(`${baseUrl}/api/v1/auth/sign-in`, {
      headers: await csrfHeader(page),
      data: { loginId: 'nagaoka-admin', password: temporary },
    });
    expect(signIn.status()).toBe(200);
    expect((await page.request.get(`${baseUrl}/api/v1/users`)).status()).toBe(403);
    const changed = await page.request.post(`${baseUrl}/api/v1/auth/password`, {
      headers: await csrfHeader(page),
      data: { currentPassword: temporary, newPassword: chosen },
    });
    expect(changed.status(), await changed.text()).toBe(200);

    // No 部区 yet: ホーム says how they come, and leads to the municipality's import.
    await page.goto(`${baseUrl}/home`);
    await page.getByText('まだ部区がありません。').waitFor();
    await page.getByRole('link', { name: 'シートを取り込む' }).click();
    await page.getByRole('heading', { level: 1, name: /シートを取り込む/ }).waitFor();
    await expectAccessible(page, 'the municipality’s import page');
    await page.getByLabel('取り込むファイル（Excel .xlsx または JSON）').setInputFiles({
      name: 'nagaoka-chuo-2022.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(otherWardFile('長岡市', '中央区'))),
    });
    await page.getByRole('button', { name: '内容を確認する' }).click();
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.getByRole('heading', { name: '取り込みました' }).waitFor();
    await page.getByRole('link', { name: '長岡市 中央区 令和4年度のシート一覧へ' }).click();
    await page.getByRole('heading', { level: 1, name: /長岡市 中央区 令和4年度/ }).waitFor();
    expect(decodeURI(new URL(page.url()).pathname)).toBe('/長岡市/years/2022/wards/中央区');
    // A 部区 of 新潟市 offers 長岡市's 管理者 none of its staff tools.
    await page.goto(`${baseUrl}/years/2022/wards/${encodeURIComponent('北区')}`);
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
    expect(await page.getByRole('link', { name: '点検表', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Excel から取り込む' }).count()).toBe(0);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('another municipality’s pages name it in their address; the default’s stay short', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: '長岡市 中央区 — 令和4年度' }).click();
    await page.getByRole('heading', { level: 1, name: /長岡市 中央区 令和4年度/ }).waitFor();
    expect(decodeURI(new URL(page.url()).pathname)).toBe('/長岡市/years/2022/wards/中央区');
    expect(new URL(page.url()).search).toBe('');
    // The address works on its own (a reload, a shared link).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /長岡市 中央区 令和4年度/ }).waitFor();

    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: '新潟市 北区 — 令和4年度' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
    expect(decodeURI(new URL(page.url()).pathname)).toBe('/years/2022/wards/北区');
    expect(new URL(page.url()).search).toBe('');
    // 長岡市 has no 北区: the short address is 新潟市's, as it always was.
    await page.goto(`${baseUrl}/years/2022/wards/${encodeURIComponent('北区')}`);
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
    await expectAccessible(page, 'a ward page of the default municipality');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('a 管理者 finds every setting of the municipality on one page', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'admin', '管理者（デモ）');
    // The settings' earlier address leads to its section of the one page.
    await page.goto(`${baseUrl}/settings/sheet-dates`);
    await page.getByRole('heading', { level: 1, name: '新潟市の設定' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
    expect(new URL(page.url()).hash).toBe('#sheet-dates');
    // The licence and sign-on sections read their own settings: wait for the last of them.
    await page.getByRole('heading', { level: 2, name: 'シングルサインオン' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '通知メールの送信元' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '公開するデータのライセンス' }).waitFor();
    const sections = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(sections).toEqual(
      expect.arrayContaining([
        '評価の基準',
        '作成日・修正日・評価日の既定の日付',
        '公開するデータのライセンス',
        'シングルサインオン',
        '通知メールの送信元',
      ]),
    );
    const contents = page.getByRole('navigation', { name: 'この画面の項目' });
    await contents.getByRole('link', { name: '公開するデータのライセンス' }).click();
    expect(new URL(page.url()).hash).toBe('#licence');
    // The sender of the municipality's 通知 mail: a wrong address is said at its field.
    const sender = page.getByLabel('送信元のメールアドレス');
    await sender.fill('kikaku at city');
    await page.getByRole('button', { name: '送信元を保存' }).click();
    await page.locator('#mail-sender-address-error').waitFor();
    expect(await sender.evaluate((el) => el === document.activeElement)).toBe(true);
    await sender.fill('mokuhyo@city.niigata.example.jp');
    await page.getByLabel('送信者の名前（任意）').fill('新潟市 組織目標管理');
    await page.getByRole('button', { name: '送信元を保存' }).click();
    await page.getByRole('status').filter({ hasText: '通知メールの送信元を保存しました。' }).waitFor();
    await page
      .getByText('現在は「新潟市 組織目標管理 <mokuhyo@city.niigata.example.jp>」です。', { exact: false })
      .waitFor();
    await snap(page, 'settings-page', true);
    await expectAccessible(page, 'the settings page');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});
