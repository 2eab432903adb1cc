import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { transitionRules } from '../src/domain/sheet-lifecycle';
import { wardYearSheetsSchema } from '../src/schemas/sheet';
import { nextYearFixture } from '../src/server/testing/next-year-fixture';
import { openPage } from './browser';

/** Every demo user has this password (src/db/seed/demo-users.ts). */
const demoPassword = 'mokuhyo-demo';

/** The double-submit token the API set as a cookie in this context. */
async function csrfToken(context: BrowserContext, baseUrl: string): Promise<string> {
  const token = (await context.cookies(baseUrl)).find((c) => c.name === 'mokuhyo_csrf')?.value;
  if (!token) throw new Error('no mokuhyo_csrf cookie');
  return token;
}

/**
 * Signs in through `page.request`, which shares the context's cookies: the page is then signed
 * in too. Returns the CSRF header every later API write must send: the token the sign-in
 * rotated to, read from the cookie afterwards (the one sent with the sign-in is void).
 */
export async function apiSignIn(
  page: Page,
  baseUrl: string,
  loginId: string,
): Promise<Record<string, string>> {
  await page.request.get(`${baseUrl}/api/v1/auth/me`);
  const headers = { 'x-csrf-token': await csrfToken(page.context(), baseUrl) };
  const response = await page.request.post(`${baseUrl}/api/v1/auth/sign-in`, {
    headers,
    data: { loginId, password: demoPassword },
  });
  expect(response.status(), `sign-in of ${loginId}`).toBe(200);
  return { 'x-csrf-token': await csrfToken(page.context(), baseUrl) };
}

/**
 * An import through the API in its two steps (preview, then the same file with its token; a
 * fixed reason when a final sheet is replaced). Expects it to succeed.
 */
export async function importThroughApi(
  page: Page,
  baseUrl: string,
  headers: Record<string, string>,
  file: unknown,
): Promise<void> {
  const preview = await page.request.post(`${baseUrl}/api/v1/import/preview`, { headers, data: file });
  expect(preview.status(), await preview.text()).toBe(200);
  const { previewToken, needsReason } = (await preview.json()) as {
    previewToken: string;
    needsReason: boolean;
  };
  const params = new URLSearchParams({ previewToken });
  if (needsReason) params.set('reason', 'テストのための置き換え');
  const response = await page.request.post(`${baseUrl}/api/v1/import?${params}`, { headers, data: file });
  expect(response.status(), await response.text()).toBe(200);
}

/** The sheet ids of 新潟市 北区 in a year, as someone who sees every sheet (admin). */
export async function sheetIds(
  page: Page,
  baseUrl: string,
  fiscalYear: number,
): Promise<Map<string, string>> {
  const params = new URLSearchParams({
    fiscalYear: String(fiscalYear),
    ward: '北区',
    municipality: '新潟市',
  });
  const response = await page.request.get(`${baseUrl}/api/v1/sheets?${params}`);
  const data = wardYearSheetsSchema.parse(await response.json());
  return new Map(data.sheets.map((s) => [s.title, s.id]));
}

/**
 * As admin, through the API: import the 令和5年度 fixture (地域総務課 承認済み without results,
 * 健康福祉課 下書き, the others published) and return the ids of 2023's sheets by title.
 */
export async function importNextYear(browser: Browser, baseUrl: string): Promise<Map<string, string>> {
  const { page } = await openPage(browser);
  try {
    const headers = await apiSignIn(page, baseUrl, 'admin');
    await importThroughApi(page, baseUrl, headers, nextYearFixture());
    return await sheetIds(page, baseUrl, 2023);
  } finally {
    await page.context().close();
  }
}

/** Signs in on the sign-in page (reached from the header's ログイン link) and waits to be back. */
export async function signInThroughUi(page: Page, loginId: string, displayName: string): Promise<void> {
  await page.getByRole('link', { name: 'ログイン', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
  await page.getByLabel('ログインID', { exact: true }).fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await page.getByText(displayName, { exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: 'ログインしました。' }).waitFor();
}

/** ログアウト from the header; the home page then says so and offers ログイン again. */
export async function signOutThroughUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await page.getByRole('status').filter({ hasText: 'ログアウトしました。' }).waitFor();
  await page.getByRole('link', { name: 'ログイン', exact: true }).waitFor();
}

/** The sheet's state as its badge says it. */
export async function statusBadge(page: Page): Promise<string> {
  return ((await page.locator('.sheet-toolbar .status-badge').textContent()) ?? '').replace('状態：', '');
}

/** Opens a transition's dialog from the action bar, optionally comments, and confirms it. */
export async function runTransition(page: Page, label: string, comment?: string): Promise<void> {
  await page.getByRole('button', { name: label, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  if (comment !== undefined) await dialog.getByRole('textbox').fill(comment);
  const rule = Object.values(transitionRules).find((r) => r.label === label);
  await dialog.getByRole('button', { name: rule?.verb }).click();
  await page
    .getByRole('status')
    .filter({ hasText: `${rule?.done}。` })
    .waitFor();
  await dialog.waitFor({ state: 'hidden' });
}
