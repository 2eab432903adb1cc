import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { expectAccessible } from './helpers';
import { apiSignIn } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Offered = { consistency: boolean; rollover: boolean; deadlinesForm: boolean; ruleLink: boolean };

/** What the ward page of 令和4年度 offers to whoever this page is signed in as. */
async function offered(page: Page, signedIn: boolean): Promise<Offered> {
  await page.goto(
    `${baseUrl}/years/2022/wards/${encodeURIComponent('北区')}?municipality=${encodeURIComponent('新潟市')}`,
  );
  await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和4年度/ }).waitFor();
  await page.getByRole('heading', { level: 2, name: '評価の内訳' }).waitFor();
  // The year's deadlines are the staff's work: the public's page has none of them.
  if (signedIn) await page.getByRole('heading', { level: 2, name: '令和4年度の期限' }).waitFor();
  return {
    consistency: (await page.getByRole('link', { name: '点検表', exact: true }).count()) === 1,
    rollover: (await page.getByRole('button', { name: '次年度のシートを作成' }).count()) === 1,
    deadlinesForm: (await page.getByLabel('作成の期限').count()) === 1,
    ruleLink:
      (await page
        .getByRole('navigation', { name: 'サイト内' })
        .getByRole('link', { name: '自治体の設定' })
        .count()) === 1,
  };
}

describe('the ward page offers what the API allows (wardPolicy)', () => {
  test.each([
    ['the public', null, { consistency: false, rollover: false, deadlinesForm: false, ruleLink: false }],
    ['閲覧者', 'viewer', { consistency: true, rollover: false, deadlinesForm: false, ruleLink: false }],
    ['管理者', 'admin', { consistency: true, rollover: false, deadlinesForm: false, ruleLink: true }],
    ['担当者', 'somu-staff', { consistency: false, rollover: false, deadlinesForm: false, ruleLink: false }],
    ['企画担当', 'kita-kikaku', { consistency: true, rollover: true, deadlinesForm: true, ruleLink: false }],
  ] as const)('%s', async (_who, loginId, expected) => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    if (loginId) await apiSignIn(page, baseUrl, loginId);
    expect(await offered(page, loginId !== null)).toEqual(expected);
    if (loginId === null) {
      expect(await page.locator('.deadlines').count()).toBe(0);
    } else if (!expected.deadlinesForm) {
      // Every member of staff reads the year's deadlines.
      expect(await page.locator('.deadline-list dt').allTextContents()).toEqual([
        '作成の期限',
        '修正の期限',
        '評価の期限',
      ]);
    }
    if (loginId === 'viewer') {
      await page.getByRole('link', { name: '点検表', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: /点検表/ }).waitFor();
      await expectAccessible(page, 'the 点検表 of 閲覧者');
    }
    await page.context().close();
  });

  test('the 点検表 asks the public to sign in, in Japanese', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/years/2022/wards/${encodeURIComponent('北区')}/consistency`);
    await page.getByRole('heading', { level: 1, name: 'ページを表示できませんでした' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('ログイン');
    await page.context().close();
  });
});
