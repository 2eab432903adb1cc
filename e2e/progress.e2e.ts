import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { phaseLabels } from '../src/domain/deadlines';
import { type ProgressBoard, progressBoardSchema } from '../src/schemas/progress';
import { pastYearFixture } from '../src/server/testing/next-year-fixture';
import { connectBrowser, openPage } from './browser';
import { expectAccessible, snap } from './helpers';
import { apiSignIn, importNextYear, importThroughApi } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
const kita = encodeURIComponent('北区');

beforeAll(async () => {
  browser = await connectBrowser();
  await importNextYear(browser, baseUrl);
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'kita-kikaku');
  const res = await page.request.put(`${baseUrl}/api/v1/deadlines`, {
    headers,
    data: {
      ward: '北区',
      fiscalYear: 2023,
      deadlines: { plan: '2023-04-28', revision: '2023-10-31', evaluation: '2024-03-29' },
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.context().close();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The board as the API gives it to whoever the page is signed in as (the journeys compare against it). */
async function boardOf(page: Page, query = `fiscalYear=2023&ward=${kita}`): Promise<ProgressBoard> {
  const res = await page.request.get(`${baseUrl}/api/v1/progress?${query}`);
  expect(res.status()).toBe(200);
  return progressBoardSchema.parse(await res.json());
}

const bodyRows = (page: Page) => page.locator('.board-table tbody tr');
const shownCount = (page: Page) => page.locator('.board-summary__count');

describe('the ward’s year at a glance', () => {
  test('企画担当: ホーム → 進捗管理表, filtered and sorted from the keyboard, the same rows as CSV', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(page, baseUrl, 'kita-kikaku');
    const board = await boardOf(page);

    await page.goto(`${baseUrl}/home`);
    await page.getByRole('heading', { level: 1, name: /ホーム/ }).waitFor();
    const wards = page.getByRole('region', { name: '部区の進捗' });
    const card = wards.getByRole('region', { name: /北区/ });
    await card.waitFor();
    expect(await card.locator('dt:text-is("期限超過") + dd').textContent()).toBe(`${board.totals.overdue}件`);
    await expectAccessible(page, 'the home of a 企画担当');
    await card.getByRole('link', { name: '進捗管理表' }).click();

    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和5年度\s*進捗管理表/ }).waitFor();
    expect(await bodyRows(page).count()).toBe(board.rows.length);
    // The chart's table alternative holds the same totals as the API.
    const phasesTable = page.getByRole('figure', { name: /段階別のシート数/ }).getByRole('table');
    const phaseCounts = (await phasesTable.locator('tbody td').allTextContents()).map(Number);
    expect(phaseCounts).toEqual([
      board.totals.phases.plan,
      board.totals.phases.revision,
      board.totals.phases.evaluation,
      board.totals.phases.done,
    ]);
    await expectAccessible(page, 'the progress board');
    await snap(page, 'progress-board', true);

    // Keyboard only: the words box, Enter; then Tab to 「期限を過ぎたものだけ」 and Space.
    await page.getByLabel('組織名・担当者').focus();
    await page.keyboard.type('福祉');
    await page.keyboard.press('Enter');
    const fukushi = board.rows.filter((r) =>
      `${r.departmentName}${r.organizationName ?? ''}${r.responsible.join('')}`.includes('福祉'),
    );
    await expect
      .poll(() => shownCount(page).textContent())
      .toBe(`${board.rows.length}件中 ${fukushi.length}件を表示`);
    expect(new URL(page.url()).searchParams.get('words')).toBe('福祉');
    await page.getByLabel('組織名・担当者').fill('');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownCount(page).textContent()).toBe(`${board.rows.length}件`);

    const overdueBox = page.getByRole('checkbox', { name: '期限を過ぎたものだけ' });
    for (let tab = 0; tab < 8 && !(await overdueBox.evaluate((el) => el === document.activeElement)); tab++) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Space');
    const overdue = board.rows.filter((r) => r.overdue);
    await expect.poll(() => bodyRows(page).count()).toBe(overdue.length);
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    expect(await overdueBox.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBeNull();

    // 段階 (descending): the most advanced phase first; the header says how the table is sorted.
    await page.getByLabel('並べ替え').selectOption({ label: '段階' });
    await page.getByRole('checkbox', { name: '降順' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('descending')).toBe('true');
    expect(await page.getByRole('columnheader', { name: '段階・状態' }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const firstPhase = await bodyRows(page).first().locator('td .nowrap').first().textContent();
    expect(firstPhase).toBe(phaseLabels.done);

    // 完了 only, kept in the address: a reload shows the same view.
    await page.getByLabel('段階', { exact: true }).selectOption({ label: '完了' });
    const done = board.rows.filter((r) => r.phase === 'done');
    await expect.poll(() => bodyRows(page).count()).toBe(done.length);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /進捗管理表/ }).waitFor();
    expect(await bodyRows(page).count()).toBe(done.length);
    expect(await page.getByLabel('段階', { exact: true }).inputValue()).toBe('done');

    // The CSV link carries the same view: as many records as rows shown.
    const href = await page
      .getByRole('link', { name: '表示中の内容を CSV でダウンロード' })
      .getAttribute('href');
    expect(href).toContain('phase=done');
    const csv = await page.request.get(`${baseUrl}${href}`);
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(done.length + 1);
    await page.context().close();
  });

  test('企画担当: a bulk 公開 of the 8 sheets of a year, where one is refused and says why', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    const headers = await apiSignIn(page, baseUrl, 'admin');
    // 令和元年度 on this server is this journey's own: seven sheets 評価確定, 健康福祉課 still 下書き.
    // Each result is the series' R1実績 as the 2022 sheets read it, so nothing they show changes.
    const file = pastYearFixture(2019, (title) => (title === '健康福祉課' ? 'draft' : 'evaluated'));
    await importThroughApi(page, baseUrl, headers, file);
    await apiSignIn(page, baseUrl, 'kita-kikaku');
    await page.goto(`${baseUrl}/years/2019/wards/${kita}/progress`);
    await page.getByRole('heading', { level: 1, name: /令和元年度\s*進捗管理表/ }).waitFor();
    expect(await bodyRows(page).count()).toBe(8);

    await page.getByRole('checkbox', { name: '表示中のシートをすべて選ぶ' }).check();
    await page.getByLabel('操作', { exact: true }).selectOption({ label: '公開' });
    await page.getByRole('button', { name: '選んだ8件を公開する' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: '7件を公開しました。1件は公開できませんでした' })
      .waitFor();
    const outcome = page.getByRole('table', { name: '一括の公開の結果' });
    const refused = outcome.getByRole('row').filter({ hasText: 'できませんでした' });
    expect(await refused.count()).toBe(1);
    expect(await refused.getByRole('rowheader').textContent()).toBe('健康福祉課');
    expect(await refused.textContent()).toContain('このシートは現在「下書き」のため、公開はできません。');
    await expectAccessible(page, 'the progress board after a bulk action');
    // The board was read again: seven sheets are 完了 (公開), and the selection is cleared.
    const phasesTable = page.getByRole('figure', { name: /段階別のシート数/ }).getByRole('table');
    await expect
      .poll(async () => (await phasesTable.locator('tbody td').allTextContents()).map(Number))
      .toEqual([1, 0, 0, 7]);
    expect(await page.getByRole('button', { name: '選んだ0件を公開する' }).count()).toBe(1);
    await snap(page, 'progress-bulk', true);
    await page.context().close();
  });

  test('管理者 and 閲覧者: the boards from ホーム, to read; the public is asked to sign in', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseUrl}/home`);
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/home');

    await apiSignIn(page, baseUrl, 'admin');
    await page.goto(`${baseUrl}/home`);
    await page.getByRole('link', { name: /全部区の進捗管理表（令和5年度）/ }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 全部区 令和5年度/ }).waitFor();
    const board = await boardOf(page, 'fiscalYear=2023');
    expect(await bodyRows(page).count()).toBe(board.rows.length);
    expect(await page.getByRole('columnheader', { name: '部区' }).count()).toBe(1);
    await expectAccessible(page, 'the municipality’s progress board');
    await page.context().close();

    // 閲覧者: the same 部区 on ホーム, the board to read — and nothing to act on.
    const viewer = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await apiSignIn(viewer.page, baseUrl, 'viewer');
    await viewer.page.goto(`${baseUrl}/home`);
    const card = viewer.page
      .getByRole('region', { name: '部区の進捗' })
      .getByRole('region', { name: /北区/ });
    await card.waitFor();
    expect(await viewer.page.getByRole('region', { name: '自分の組織のシート' }).count()).toBe(0);
    await expectAccessible(viewer.page, 'the home of a 閲覧者');
    await card.getByRole('link', { name: '進捗管理表' }).click();
    await viewer.page.getByRole('heading', { level: 1, name: /北区 令和5年度\s*進捗管理表/ }).waitFor();
    expect(await bodyRows(viewer.page).count()).toBeGreaterThan(0);
    expect(await viewer.page.getByRole('heading', { name: '選んだシートの一括操作' }).count()).toBe(0);
    expect(await viewer.page.getByRole('checkbox', { name: /を選ぶ$/ }).count()).toBe(0);
    await viewer.page.context().close();
  });
});
