import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SignOnChange } from '../src/schemas/sign-on';
import { startTestProvider, type TestProvider } from '../src/server/testing/oidc-test-provider';
import { connectBrowser, openPage } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { expectAccessible, sampleSheetId } from './helpers';
import { apiSignIn } from './session';

// This journey gives the municipality a sign-on provider, which the sign-in page of every
// journey would show, and changes a user's roles: it runs on a server of its own.
let server: RunningServer;
let provider: TestProvider;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
  provider = await startTestProvider({
    redirectUris: [`${baseUrl}/api/v1/auth/sign-on/callback`],
    postLogoutRedirectUris: [`${baseUrl}/`],
    accounts: [
      // 担当者 of 健康福祉課 in the sample; the city's directory puts them at the head of 地域総務課.
      { login: 'fukushi', email: 'fukushi-staff@example.jp', name: '福祉 花子', groups: ['kita-somu-heads'] },
    ],
  });
  // The 管理者 connects the municipality to the provider through the settings API.
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'admin');
  const settings: SignOnChange = {
    providerName: '新潟市職員',
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    redirectUrl: `${baseUrl}/api/v1/auth/sign-on/callback`,
    matchClaim: 'email',
    matchField: 'email',
    groupsClaim: 'groups',
    groupMappings: [{ group: 'kita-somu-heads', role: 'head', ward: '北区', organization: '地域総務課' }],
    localPasswords: true,
  };
  const response = await page.request.put(`${baseUrl}/api/v1/sign-on`, { headers, data: settings });
  expect(response.status(), await response.text()).toBe(200);
  await page.context().close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await provider?.close();
  await server?.stop();
});

describe('シングルサインオン', () => {
  test('signs in at the city’s provider as 所属長 of 地域総務課, opens its sheet, and signs out there too', async () => {
    const { page, requests } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/sign-in`);
    const button = page.getByRole('link', { name: '新潟市職員のアカウントでログイン' });
    await button.waitFor();
    await expectAccessible(page, 'the sign-in page with sign-on');

    await button.click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByLabel('ログインID').fill('fukushi');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${baseUrl}/home`);
    const session = page.locator('.session');
    await session.getByText('所属長').waitFor();

    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await page.getByRole('heading', { level: 1, name: /地域総務課/ }).waitFor();
    await page.getByRole('link', { name: '履歴' }).waitFor();
    const me = await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json();
    expect(me.user.loginId).toBe('fukushi-staff');
    expect(me.user.roles.map((r: { label: string }) => r.label)).toEqual(['所属長']);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByRole('button', { name: 'ログアウトする' }).click();
    await page.waitForURL(`${baseUrl}/`);
    await page.getByRole('link', { name: 'ログイン' }).waitFor();
    expect(provider.logouts()).toBe(1);
    expect((await (await page.request.get(`${baseUrl}/api/v1/auth/me`)).json()).user).toBeNull();

    // Nothing but mokuhyo and the city's provider was asked for anything.
    const elsewhere = requests.filter(
      (url) => !url.startsWith(`${baseUrl}/`) && !url.startsWith(`${provider.issuer}/`),
    );
    expect(elsewhere).toEqual([]);
    await page.context().close();
  }, 120_000);
});
