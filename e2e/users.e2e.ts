import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { expectAccessible } from './helpers';
import { apiSignIn } from './session';
import { sharedBaseUrl } from './shared-server';

/**
 * ユーザー管理 as a 管理者 and a new member of staff would walk it: the 管理者 creates a user
 * with a temporary password; the user signs in, is made to change it, and reaches ホーム; the
 * 管理者 stops the account; the user's open page is refused and signing in again too. The new
 * user's login id is the journey's own, so nothing another journey uses changes.
 */

const baseUrl = sharedBaseUrl();
const loginId = `e2e-new-${Date.now().toString(36)}`;
const ownPassword = '新しい 職場の 最初の パスワード';
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInThroughForm(page: Page, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('ログインID').fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

describe('ユーザー管理', () => {
  test('create → first sign-in with a temporary password → own password → ホーム → 利用停止 → refused', async () => {
    const { page: admin } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(admin, baseUrl, 'admin');
    await admin.goto(baseUrl);
    const link = admin
      .getByRole('navigation', { name: 'サイト内' })
      .getByRole('link', { name: 'ユーザー管理' });
    await link.focus();
    await admin.keyboard.press('Enter');
    await admin.getByRole('heading', { level: 1, name: 'ユーザー管理' }).waitFor();
    await admin.getByRole('table', { name: /ユーザー（\d+人）/ }).waitFor();
    await expectAccessible(admin, 'the users list');
    await admin.getByLabel('表示名・ログインIDで絞り込む').fill('somu');
    expect(await admin.getByRole('table').getByRole('row').count()).toBe(3);

    await admin.getByRole('link', { name: 'ユーザーを作成' }).click();
    await admin.getByRole('heading', { level: 1, name: 'ユーザーの作成' }).waitFor();
    // Refused first: nothing filled in names the fields.
    await admin.getByRole('button', { name: 'ユーザーを作成' }).click();
    const summary = admin.getByRole('alert');
    await summary.getByRole('link').first().waitFor();
    expect(await summary.textContent()).toContain('ログインIDを入力してください');
    await expectAccessible(admin, 'the new user form with its errors');

    await admin.getByLabel('ログインID').fill(loginId);
    await admin.getByLabel('表示名').fill('新人 職員');
    await admin.getByLabel('役割1', { exact: true }).selectOption('editor');
    await admin.getByLabel('部区', { exact: true }).selectOption('北区');
    const organization = admin.getByLabel('組織', { exact: true });
    await organization.locator('option', { hasText: '地域総務課' }).waitFor({ state: 'attached' });
    await organization.selectOption('地域総務課');
    await admin.getByRole('button', { name: 'ユーザーを作成' }).click();
    await admin
      .getByRole('heading', { name: new RegExp(`ユーザー「${loginId}」.*を作成しました`) })
      .waitFor();
    const temporary = (await admin.getByTestId('temporary-password').textContent()) ?? '';
    expect(temporary).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expectAccessible(admin, 'the created user with the temporary password');

    // The new user signs in and is sent to change the password before anything else.
    const { page: user } = await openPage(browser);
    await signInThroughForm(user, temporary);
    await user.getByRole('heading', { level: 1, name: 'パスワードの変更' }).waitFor();
    await user.getByText('仮パスワードでログインしています').waitFor();
    await expectAccessible(user, 'the password change');
    await user.getByLabel('仮パスワード').fill(temporary);
    await user.getByLabel('新しいパスワード').fill('short');
    await user.getByRole('button', { name: 'パスワードを変更' }).click();
    await user.getByRole('alert').filter({ hasText: '12文字以上' }).waitFor();
    await user.getByLabel('仮パスワード').fill(temporary);
    await user.getByLabel('新しいパスワード').fill(ownPassword);
    await user.getByRole('button', { name: 'パスワードを変更' }).click();
    await user.waitForURL(/\/home$/);
    await user.getByText('パスワードを変更しました。').waitFor();

    // The 管理者 sees the sign-in and the change, then stops the account.
    await admin.getByRole('link', { name: '新人 職員のページへ' }).click();
    await admin.getByRole('heading', { level: 1, name: `新人 職員（${loginId}）` }).waitFor();
    const record = admin.getByRole('table', { name: /記録/ });
    await record.getByRole('row', { name: /パスワードの変更 新人 職員/ }).waitFor();
    expect(await admin.locator('.user-facts').textContent()).not.toContain('最終ログインなし');
    await expectAccessible(admin, 'the user page');
    await admin.getByRole('button', { name: '利用停止' }).click();
    const dialog = admin.getByRole('dialog', { name: 'このユーザーを利用停止にしますか' });
    await dialog.waitFor();
    await expectAccessible(admin, 'the stop dialog');
    await dialog.getByRole('button', { name: '利用停止にする' }).click();
    await admin.getByRole('status').filter({ hasText: '利用停止にしました。' }).waitFor();
    await record.getByRole('row', { name: /利用停止 ログイン中のセッション/ }).waitFor();
    await admin.getByRole('button', { name: '利用を再開' }).waitFor();

    // The open page is refused: ホーム finds nobody signed in and asks for a sign-in.
    await user.reload();
    await user.waitForURL(/\/sign-in/);
    await user.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    const me = await user.request.get(`${baseUrl}/api/v1/auth/me`);
    expect(((await me.json()) as { user: unknown }).user).toBeNull();
    await signInThroughForm(user, ownPassword);
    await user
      .getByRole('alert')
      .filter({ hasText: 'ログインIDまたはパスワードが正しくありません' })
      .waitFor();

    await admin.context().close();
    await user.context().close();
  });

  test('staff who are not 管理者 are not offered it', async () => {
    const { page } = await openPage(browser);
    await apiSignIn(page, baseUrl, 'viewer');
    await page.goto(`${baseUrl}/settings/users`);
    await page.getByText('ユーザー管理を使えるのは管理者・システム管理者です。').waitFor();
    expect(await page.getByRole('link', { name: 'ユーザー管理' }).count()).toBe(0);
    await page.context().close();
  });
});
