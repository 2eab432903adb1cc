import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { connectBrowser, openPage } from './browser';
import { expectAccessible, snap } from './helpers';
import { apiSignIn, importNextYear } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
let sheetId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const ids = await importNextYear(browser, baseUrl);
  sheetId = ids.get('地域総務課') ?? '';
  expect(sheetId).not.toBe('');
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const section = (page: Page) => page.getByRole('region', { name: /^コメント/ });
const announced = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('コメント', () => {
  test('企画担当 asks about an indicator, 担当者 answers and resolves it; the board and the history follow', async () => {
    const planner = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(planner.page, baseUrl, 'kita-kikaku');
    await planner.page.goto(`${baseUrl}/sheets/${sheetId}`);
    const comments = section(planner.page);
    // Other journeys share this sheet (a 差戻し starts a thread), so count from what is there.
    const count = comments.locator('.sheet-comments__count');
    await count.waitFor();
    const openBefore = Number((await count.textContent())?.match(/\d+/)?.[0]);

    // Keyboard only: choose the indicator, type, Tab to the button, Enter.
    const subject = comments.getByLabel('対象');
    const options = await subject.locator('option').allTextContents();
    const indicator = options.find((o) => o.startsWith('指標「'));
    expect(options.slice(0, 2)).toEqual(['シート全体', '目標1']);
    await subject.focus();
    await subject.selectOption({ label: indicator ?? '' });
    await planner.page.keyboard.press('Tab');
    await planner.page.keyboard.type('目標値の根拠を補足に書いてください。');
    await planner.page.keyboard.press('Tab');
    await planner.page.keyboard.press('Enter');
    await announced(planner.page, 'コメントしました。');
    const thread = comments.getByRole('article', { name: new RegExp(indicator ?? '') });
    await thread.getByText('目標値の根拠を補足に書いてください。').waitFor();
    expect(await comments.getByRole('heading', { level: 2 }).textContent()).toBe(
      `コメント未解決 ${openBefore + 1}件`,
    );
    await expectAccessible(planner.page, 'a sheet with a comment');

    // An empty reply is refused beside the field, and nothing is sent.
    await thread.getByRole('button', { name: '返信する' }).click();
    await thread.getByText('コメントを入力してください').waitFor();
    expect(await thread.getByRole('listitem').count()).toBe(1);

    // The 進捗管理表 counts it.
    await planner.page.goto(`${baseUrl}/years/2023/wards/${encodeURIComponent('北区')}/progress`);
    const row = planner.page
      .locator('.board-table tbody tr')
      .filter({ has: planner.page.getByRole('rowheader', { name: /^地域総務課/ }) });
    await row.getByText(`未解決のコメント ${openBefore + 1}件`).waitFor();

    // The 担当者 finds it counted on ホーム, follows it to the sheet's comments, answers, resolves it.
    const staff = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await apiSignIn(staff.page, baseUrl, 'somu-staff');
    await staff.page.goto(`${baseUrl}/home`);
    await staff.page
      .getByRole('region', { name: '自分の組織のシート' })
      .getByRole('link', { name: `未解決のコメント ${openBefore + 1}件` })
      .click();
    await expect.poll(() => staff.page.evaluate(() => document.activeElement?.id)).toBe('comments');
    const theirs = section(staff.page).getByRole('article', { name: new RegExp(indicator ?? '') });
    await theirs.getByText('北区 企画担当（デモ）', { exact: false }).waitFor();
    await theirs.getByLabel(/への返信/).fill('補足に算定の根拠を追記しました。');
    await theirs.getByRole('button', { name: '返信する' }).click();
    await announced(staff.page, '返信しました。');
    await theirs.getByRole('button', { name: '解決済みにする' }).click();
    await announced(staff.page, '解決済みにしました。');
    const folded = section(staff.page).locator('details');
    expect(await folded.locator('summary').textContent()).toMatch(/^解決済みのコメント（\d+件）$/);
    await folded.locator('summary').click();
    const resolved = folded.getByRole('article', { name: new RegExp(indicator ?? '') });
    expect(await resolved.locator('.comment__body').allTextContents()).toEqual([
      '目標値の根拠を補足に書いてください。',
      '補足に算定の根拠を追記しました。',
    ]);
    await resolved.getByText('地域総務課 担当者（デモ）が解決済みにしました', { exact: false }).waitFor();
    await snap(staff.page, 'sheet-comments', true);

    // Not printed.
    await staff.page.emulateMedia({ media: 'print' });
    expect(await section(staff.page).isVisible()).toBe(false);
    await staff.page.emulateMedia({ media: 'screen' });

    // The board no longer counts it; the history says who did what.
    await planner.page.reload();
    await row.waitFor();
    const still = openBefore === 0 ? 0 : 1;
    expect(await row.getByText(`未解決のコメント ${openBefore}件`).count()).toBe(still);
    expect(await row.getByText(/未解決のコメント/).count()).toBe(still);
    await planner.page.goto(`${baseUrl}/sheets/${sheetId}/history`);
    await planner.page.getByText('コメントの解決', { exact: true }).first().waitFor();

    await planner.page.context().close();
    await staff.page.context().close();
  });
});
