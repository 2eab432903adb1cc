import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { expectAccessible } from './helpers';
import { signInThroughUi } from './session';

// Reorganising changes the ward's organizations: this runs on a server of its own.
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('組織の改編 in the browser', () => {
  test('企画担当 merges two organizations; next year the successor’s sheet carries both histories', async () => {
    const { page, requests } = await openPage(browser);
    const base = server.baseUrl;
    await page.goto(`${base}/`);
    await signInThroughUi(page, 'kita-kikaku', '北区 企画担当（デモ）');
    await page.goto(`${base}/years/2022/wards/${encodeURIComponent('北区')}`);
    await page.getByRole('link', { name: '組織の改編', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '組織の改編' }).waitFor();
    await expectAccessible(page, 'reorganize page');

    // The form checks the shape of the kind before asking the server.
    await page.getByRole('radio', { name: /統合/ }).check();
    await page.getByRole('checkbox', { name: '健康福祉課', exact: true }).check();
    await page.getByRole('button', { name: '令和5年度から改編する' }).click();
    await expect.poll(() => page.getByText('統合する組織を二つ以上選んでください').count()).toBe(1);
    await expectAccessible(page, 'reorganize page with errors');

    await page.getByRole('checkbox', { name: '北地域保健福祉センター', exact: true }).check();
    await page.getByLabel('組織名', { exact: true }).fill('健康福祉センター');
    await page.getByRole('button', { name: '令和5年度から改編する' }).click();
    await page.getByRole('status').filter({ hasText: '「健康福祉センター」に改編しました' }).waitFor();

    // Rolling over builds the successor's 令和5年度 sheet from both predecessors.
    const csrf = (await page.context().cookies()).find((c) => c.name === 'mokuhyo_csrf')?.value ?? '';
    const rolled = await page.request.post(`${base}/api/v1/rollover`, {
      data: { ward: '北区', fromYear: 2022 },
      headers: { 'x-csrf-token': csrf },
    });
    expect(rolled.status()).toBe(201);
    await page.goto(`${base}/years/2023/wards/${encodeURIComponent('北区')}`);
    await page.getByRole('link', { name: '健康福祉センター', exact: true }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /生活習慣病予防をテーマにした健康教育/ }) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('21');
    await expect.poll(() => page.getByRole('rowheader', { name: /特定健康診査受診率/ }).count()).toBe(1);
    expect(requestsOutside(requests, base)).toEqual([]);
  });
});
