import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { type RunningServer, startServer } from './global-setup';
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

/** Whether the element has the focus. */
const focused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el === document.activeElement);

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
    // On a narrow screen each password choice's words wrap beside its radio, not under it.
    await admin.setViewportSize({ width: 360, height: 900 });
    const besideItsRadio = await admin
      .getByRole('radio', { name: /仮パスワードを自動で発行する/ })
      .evaluate((radio) => {
        const words = [...(radio.closest('label')?.childNodes ?? [])].find((n) =>
          n.textContent?.includes('自動で発行'),
        );
        if (!words) return false;
        const range = document.createRange();
        range.selectNode(words);
        const first = range.getClientRects()[0];
        return first !== undefined && first.left >= radio.getBoundingClientRect().right;
      });
    expect(besideItsRadio).toBe(true);
    await admin.setViewportSize({ width: 1280, height: 900 });
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
    await user.getByLabel('今のパスワード（仮パスワード）').fill(temporary);
    await user.getByLabel('新しいパスワード').fill('short');
    await user.getByRole('button', { name: 'パスワードを変更' }).click();
    await user.getByRole('alert').filter({ hasText: '12文字以上' }).waitFor();
    await user.getByLabel('今のパスワード（仮パスワード）').fill(temporary);
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

    // A change saved is said beside the form, which takes the focus the remounted form lost.
    await admin.getByLabel('表示名', { exact: true }).fill('新人 職員（総務）');
    await admin.getByRole('button', { name: '変更を保存' }).click();
    await admin.getByRole('status').filter({ hasText: '変更を保存しました。' }).waitFor();
    expect(await focused(admin, '.user-saved')).toBe(true);
    await record.getByRole('row', { name: /表示名：新人 職員 → 新人 職員（総務）/ }).waitFor();
    // The account's buttons keep their distance from the next heading.
    const buttonsEnd = await admin
      .locator('.user-account__actions')
      .evaluate((el) => el.getBoundingClientRect().bottom);
    const nextHeading = await admin
      .getByRole('heading', { level: 2, name: '表示名・メールアドレス・役割の変更' })
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(nextHeading - buttonsEnd).toBeGreaterThanOrEqual(24);
    // Taking away every role is asked once more; やめる saves nothing.
    await admin.getByRole('button', { name: /役割1（担当者）を外す/ }).click();
    await admin.getByRole('button', { name: '変更を保存' }).click();
    const noRoles = admin.getByRole('dialog', { name: '役割をすべて外しますか' });
    await noRoles.waitFor();
    await expectAccessible(admin, 'the question before every role is taken away');
    await noRoles.getByRole('button', { name: 'やめる' }).click();
    await noRoles.waitFor({ state: 'hidden' });
    expect(await admin.locator('.user-facts').textContent()).toContain('担当者（北区 地域総務課）');

    // Their own page offers the 管理者 nothing that can only be refused, and says why.
    await admin.goto(`${baseUrl}/settings/users`);
    await admin.getByRole('link', { name: 'admin', exact: true }).click();
    await admin.getByText('自分自身は利用停止にできません').waitFor();
    expect(await admin.getByRole('button', { name: '利用停止' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: 'パスワードを再設定' }).count()).toBe(0);
    expect(await admin.getByRole('button', { name: /（管理者）を外す/ }).count()).toBe(0);
    await admin.getByText('自分の管理者の役割は外せません').waitFor();
    expect(await admin.getByLabel('役割1', { exact: true }).isDisabled()).toBe(true);
    await expectAccessible(admin, 'the 管理者’s own page');

    // A システム管理者's account: named as one, and only a システム管理者 may change it.
    await admin
      .getByRole('navigation', { name: '現在位置' })
      .getByRole('link', { name: 'ユーザー管理' })
      .click();
    await admin.getByRole('link', { name: 'system', exact: true }).click();
    await admin.getByText('変更ができるのは、システム管理者だけです').waitFor();
    expect(await admin.locator('.user-facts').textContent()).toContain('システム管理者');
    for (const name of ['利用停止', 'パスワードを再設定', '変更を保存']) {
      expect(await admin.getByRole('button', { name }).count(), name).toBe(0);
    }

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

// Registering a municipality changes what every page lists: a server of its own.
describe('ユーザー管理 of another municipality, by the システム管理者', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  test('a municipality with no 部区 yet: chosen, its users created, and its list kept', async () => {
    const url = server.baseUrl;
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const headers = await apiSignIn(page, url, 'system');
    const registered = await page.request.post(`${url}/api/v1/municipalities`, {
      headers,
      data: {
        name: '長岡市',
        admin: { loginId: 'nagaoka-admin', displayName: '長岡市 管理者', password: 'shinano-river-sakura' },
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);

    // From 自治体の管理 to its users: the chooser names it, before it has any 部区.
    await page.goto(`${url}/admin/municipalities`);
    await page.getByRole('link', { name: /長岡市のユーザー/ }).click();
    await page.getByRole('heading', { level: 2, name: '長岡市のユーザー' }).waitFor();
    const chooser = page.getByLabel('自治体', { exact: true });
    expect(await chooser.inputValue()).toBe('長岡市');
    expect(await chooser.locator('option').allTextContents()).toEqual(['新潟市', '長岡市']);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: '長岡市のユーザー' }).waitFor();
    expect(await chooser.inputValue()).toBe('長岡市');

    // No 部区 yet: said beside the role, and a 閲覧者 needs none.
    await page.getByRole('link', { name: 'ユーザーを作成' }).click();
    await page.getByRole('heading', { level: 1, name: 'ユーザーの作成' }).waitFor();
    await page.getByText('長岡市には、まだ部区がありません。').waitFor();
    await expectAccessible(page, 'the new user form of a municipality with no 部区');
    await page.getByLabel('ログインID').fill('nagaoka-viewer');
    await page.getByLabel('表示名').fill('長岡市 閲覧者');
    await page.getByLabel('役割1', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'ユーザーを作成' }).click();
    await page.getByRole('heading', { name: /ユーザー「nagaoka-viewer」.*を作成しました/ }).waitFor();

    // Back to the list and from the user's page: 長岡市's, not 新潟市's.
    await page.getByRole('link', { name: 'ユーザーの一覧へ' }).click();
    await page.getByRole('heading', { level: 2, name: '長岡市のユーザー' }).waitFor();
    await page.getByRole('link', { name: 'nagaoka-viewer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '長岡市 閲覧者（nagaoka-viewer）' }).waitFor();
    await page
      .getByRole('navigation', { name: '現在位置' })
      .getByRole('link', { name: 'ユーザー管理' })
      .click();
    await page.getByRole('heading', { level: 2, name: '長岡市のユーザー' }).waitFor();
    expect(new URL(page.url()).searchParams.get('municipality')).toBe('長岡市');

    // Choosing their own municipality gives the short address back.
    await chooser.selectOption('新潟市');
    await page.getByRole('heading', { level: 2, name: '新潟市のユーザー' }).waitFor();
    await page.context().close();
  });
});
