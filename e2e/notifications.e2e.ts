import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pastYearFixture } from '../src/server/testing/next-year-fixture';
import { connectBrowser, openPage } from './browser';
import { expectAccessible, snap } from './helpers';
import { apiSignIn, importThroughApi } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
const kita = encodeURIComponent('北区');

/** 平成30年度 on this server is this journey's own: every sheet 公開 but 健康福祉課, still 下書き. */
beforeAll(async () => {
  browser = await connectBrowser();
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'admin');
  const file = pastYearFixture(2018, (title) => (title === '健康福祉課' ? 'draft' : 'published'));
  await importThroughApi(page, baseUrl, headers, file);
  await page.context().close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('通知', () => {
  test('企画担当 sends a 督促 from the board; the 担当者 reads it, opens the sheet, sets the mail; the 所属長 is told of the 提出', async () => {
    const planner = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(planner.page, baseUrl, 'kita-kikaku');
    await planner.page.goto(`${baseUrl}/years/2018/wards/${kita}/progress`);
    await planner.page.getByRole('heading', { level: 1, name: /平成30年度\s*進捗管理表/ }).waitFor();
    // Keyboard only: Space on two rows, the 督促 from the list, its words, Tab, Enter.
    for (const title of ['健康福祉課', '地域総務課']) {
      await planner.page.getByRole('checkbox', { name: `${title}を選ぶ` }).focus();
      await planner.page.keyboard.press('Space');
    }
    await planner.page.getByLabel('操作', { exact: true }).selectOption({ label: '督促' });
    await planner.page.getByLabel('操作', { exact: true }).focus();
    await planner.page.keyboard.press('Tab');
    await planner.page.keyboard.type('今週中に作成をお願いします。');
    expect(await planner.page.getByLabel(/^督促の文面/).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await planner.page.keyboard.press('Tab');
    await planner.page.keyboard.press('Enter');
    await planner.page
      .getByRole('status')
      .filter({ hasText: '1件に督促しました。1件は督促できませんでした' })
      .waitFor();
    const refused = planner.page
      .getByRole('table', { name: '一括の督促の結果' })
      .getByRole('row')
      .filter({ hasText: 'できませんでした' });
    expect(await refused.textContent()).toContain('このシートは現在「公開」のため、督促はできません。');
    await planner.page.context().close();

    // The 担当者: the header counts what is unread; the list has the 督促 with its words.
    const staff = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(staff.page, baseUrl, 'fukushi-staff');
    await staff.page.goto(`${baseUrl}/home`);
    const bell = staff.page.getByRole('link', { name: /^通知（未読 \d+件）$/ });
    await bell.click();
    await staff.page.getByRole('heading', { level: 1, name: /^通知/ }).waitFor();
    const notice = staff.page
      .getByRole('article')
      .filter({ hasText: '【督促】健康福祉課（平成30年度）の作成・提出をお願いします' });
    await notice.getByText('北区 企画担当（デモ）さんからの督促です。', { exact: false }).waitFor();
    expect(await notice.textContent()).toContain('今週中に作成をお願いします。');
    expect(await notice.getByText('未読', { exact: true }).count()).toBe(1);
    await expectAccessible(staff.page, 'the notifications page');
    await snap(staff.page, 'notifications', true);

    // Opening it goes to the sheet and marks it read.
    await notice.getByRole('link').click();
    await staff.page.waitForURL(/\/sheets\/[0-9a-f-]{36}$/);
    await staff.page.goBack();
    await staff.page.getByRole('heading', { level: 1, name: /^通知/ }).waitFor();
    await expect.poll(() => notice.getByText('未読', { exact: true }).count()).toBe(0);

    // すべて既読 empties the header's count; the mail setting is chosen from the keyboard.
    const markAll = staff.page.getByRole('button', { name: 'すべて既読にする' });
    if (await markAll.isEnabled()) {
      await markAll.click();
      await staff.page.getByRole('status').filter({ hasText: 'すべての通知を既読にしました。' }).waitFor();
    }
    await staff.page.getByRole('heading', { level: 1, name: /^通知\s*未読 0件$/ }).waitFor();
    await staff.page.getByRole('link', { name: '通知', exact: true }).waitFor();
    const settings = staff.page.getByRole('region', { name: '通知メールの受け取り方' });
    await settings.getByText('送信先：fukushi-staff@example.jp', { exact: false }).waitFor();
    await settings
      .getByText('このシステムはメールを送信しない設定になっています。', { exact: false })
      .waitFor();
    await settings.getByRole('radio', { name: 'まとめて（毎朝8時）' }).focus();
    await staff.page.keyboard.press('ArrowDown');
    expect(await settings.getByRole('radio', { name: 'そのつど' }).isChecked()).toBe(true);
    await staff.page.keyboard.press('Tab');
    await staff.page.keyboard.press('Enter');
    await settings
      .getByRole('status')
      .filter({ hasText: '通知メールの受け取り方を「そのつど」にしました。' })
      .waitFor();
    await staff.page.reload();
    expect(await settings.getByRole('radio', { name: 'そのつど' }).isChecked()).toBe(true);

    // The 担当者 submits; the 所属長 finds it on their ホーム, waiting, and is told.
    const sheetId = /\/sheets\/([0-9a-f-]{36})/.exec(
      (await notice.getByRole('link').getAttribute('href')) ?? '',
    )?.[1];
    const headers = await apiSignIn(staff.page, baseUrl, 'fukushi-staff');
    const sheet = await (await staff.page.request.get(`${baseUrl}/api/v1/sheets/${sheetId}`)).json();
    const submitted = await staff.page.request.post(`${baseUrl}/api/v1/sheets/${sheetId}/transitions`, {
      headers,
      data: { transition: 'submit', version: sheet.version },
    });
    expect(submitted.status(), await submitted.text()).toBe(200);
    await staff.page.context().close();

    const head = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(head.page, baseUrl, 'fukushi-head');
    await head.page.goto(`${baseUrl}/home`);
    const awaiting = head.page.getByRole('region', { name: /判断を待っているもの/ });
    const item = awaiting.getByRole('listitem').filter({ hasText: 'シートの承認' });
    await item.getByRole('link', { name: '健康福祉課（北区 平成30年度）' }).waitFor();
    await head.page.getByRole('link', { name: /^通知（未読 \d+件）$/ }).waitFor();
    await expectAccessible(head.page, 'the home of a 所属長');
    await head.page.getByRole('link', { name: /^通知（未読/ }).click();
    await head.page
      .getByRole('article')
      .filter({ hasText: '健康福祉課（平成30年度）が提出されました' })
      .getByText('内容を確認し、承認するか差し戻してください。', { exact: false })
      .waitFor();
    await head.page.context().close();
  });

  test('the public is asked to sign in', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/notifications`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/notifications');
    await page.context().close();
  });
});
