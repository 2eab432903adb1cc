import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { expectAccessible } from './helpers';
import { apiSignIn } from './session';
import { sharedBaseUrl } from './shared-server';

/**
 * The 管理者 sees who is slowed after failed sign-ins and clears it, by keyboard. The failures
 * are on a login id nobody has, so no other journey (all from 127.0.0.1) is slowed.
 */

const baseUrl = sharedBaseUrl();
const guessed = 'e2e-guessed-id';
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
  const { page } = await openPage(browser);
  await page.request.get(`${baseUrl}/api/v1/auth/me`);
  const csrf = (await page.context().cookies(baseUrl)).find((c) => c.name === 'mokuhyo_csrf')?.value ?? '';
  for (let i = 0; i < 5; i++) {
    const response = await page.request.post(`${baseUrl}/api/v1/auth/sign-in`, {
      headers: { 'x-csrf-token': csrf },
      data: { loginId: guessed, password: `guess-${i}` },
    });
    expect(response.status()).toBe(i < 4 ? 401 : 429);
    if (i === 4) expect(Number(response.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  }
  await page.context().close();
});

afterAll(async () => {
  await browser?.close();
});

describe('ログインの制限', () => {
  test('the 管理者 finds the throttled login id in a captioned table and clears it with the keyboard', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(page, baseUrl, 'admin');
    await page.goto(baseUrl);
    const link = page
      .getByRole('navigation', { name: 'サイト内' })
      .getByRole('link', { name: 'ログインの制限' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'ログインの制限' }).waitFor();

    const pairs = page.getByRole('table', { name: /同じ接続元から失敗が続いているログインID/ });
    const row = pairs.getByRole('row', { name: new RegExp(guessed) });
    await row.waitFor();
    expect(await row.textContent()).toContain('（登録のないID）');
    expect(await row.textContent()).toContain('4回');
    await expectAccessible(page, 'the sign-in throttles page');

    await row.getByRole('button', { name: `${guessed}（127.0.0.1）の制限を解除` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '制限を解除しました' }).waitFor();
    await row.waitFor({ state: 'detached' });
    const clearings = page.getByRole('table', { name: /最近の解除/ });
    const record = clearings.getByRole('row', { name: /管理者（デモ）/ }).first();
    expect(await record.textContent()).toContain(guessed);
    await expectAccessible(page, 'the sign-in throttles page after clearing');
    await page.context().close();
  });

  test('others do not see it', async () => {
    const { page } = await openPage(browser);
    await apiSignIn(page, baseUrl, 'viewer');
    await page.goto(`${baseUrl}/settings/sign-in-throttles`);
    await page.getByText('ログインの制限を見られるのは管理者です。').waitFor();
    expect(await page.getByRole('link', { name: 'ログインの制限' }).count()).toBe(0);
    await page.context().close();
  });
});
