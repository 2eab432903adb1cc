import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { approvedSomuSheet, importAsAdmin, wardGoalTexts, wardOwnSheet } from './across-years-setup';
import { connectBrowser, openListEditorPage, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { expectAccessible, snap, snapPart } from './helpers';
import { signInThroughUi } from './session';

// This journey changes the sample's year (rollover, re-imports): it runs on a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const contradictions = [
  '定時退庁推進日実施率',
  '生活習慣病予防講座開催数',
  '特定健康診査受診率',
  '参加者数',
  '年間利用者数',
];
const viewport = { width: 1440, height: 900 };

async function openWardYear(page: Page, year: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('link', { name: `新潟市 北区 — ${year}` }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`新潟市 北区 ${year}`) }).waitFor();
}

/** The 点検表's section of 基準と異なる評価, and the names its 場所 links point at. */
async function contradictionSection(page: Page): Promise<{ section: Locator; names: string[] }> {
  const section = page.getByRole('region', { name: /^基準と異なる評価/ });
  await section.getByRole('link').first().waitFor();
  const links = await section.getByRole('table').getByRole('link').allTextContents();
  return { section, names: links.map((text) => /「(.+)」/.exec(text)?.[1] ?? text) };
}

/** The editor's fieldset of one indicator, found by its name. */
const indicatorEditor = (page: Page, name: string) =>
  page.locator('fieldset.indicator-editor').filter({ has: page.locator('legend', { hasText: name }) });

describe('across years: rollover, the 点検表 and an explained evaluation', () => {
  test('企画担当 rolls the ward over and reads the 点検表; 担当者 explains an evaluation', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'kita-kikaku', '北区 企画担当（デモ）');

    // 1. The ward page: 段階 and 期限 columns, the deadlines form and the year's actions.
    await openWardYear(page, '令和4年度');
    const table = page.getByRole('table', { name: /新潟市 北区 令和4年度/ });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['状態', '段階', '期限']));
    await page.getByLabel('作成の期限').fill('2022-04-01');
    await page.getByLabel('修正の期限').fill('2022-03-01');
    await page.getByRole('button', { name: '期限を設定' }).click();
    const revisionField = page.locator('.form-field', { has: page.getByLabel('修正の期限') });
    expect(await revisionField.locator('.form-field__error').textContent()).toContain('作成の期限');
    expect(await page.getByLabel('修正の期限').getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'ward-deadline-error', true);
    await expectAccessible(page, 'the ward page of 企画担当 with a deadline error');
    await page.getByLabel('修正の期限').fill('2022-10-01');
    await page.getByLabel('評価の期限').fill('2023-03-31');
    await page.getByRole('button', { name: '期限を設定' }).click();
    await page.getByRole('status').filter({ hasText: '期限を設定しました。' }).waitFor();
    expect(await revisionField.locator('.form-field__error').count()).toBe(0);

    // 2. 次年度のシートを作成: asked first, then the counts and the way to 令和5年度.
    await page.getByRole('button', { name: '次年度のシートを作成' }).click();
    const dialog = page.getByRole('dialog', { name: '次年度のシートを作成' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      '令和4年度の8件のシートをもとに、令和5年度のシートを下書きとして作成します。',
    );
    await snap(page, 'rollover-dialog');
    await expectAccessible(page, 'the rollover dialog');
    await dialog.getByRole('button', { name: '作成する' }).click();
    const result = page
      .getByRole('status')
      .filter({ hasText: '令和5年度のシートを8件作成しました（下書き）。' });
    await result.waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await snap(page, 'ward-planner', true);
    await expectAccessible(page, 'the ward page of 企画担当 after the rollover');
    await result.getByRole('link', { name: '新潟市 北区 令和5年度のシート一覧へ' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和5年度/ }).waitFor();
    const nextYear = page.getByRole('table', { name: /新潟市 北区 令和5年度/ });
    const rows = nextYear.locator('tbody tr');
    expect(await rows.count()).toBe(8);
    for (const row of await rows.all()) {
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(-3, -1)).toEqual(['下書き', '作成']);
    }
    // Another year's page: its form starts from that year's deadlines (none yet).
    expect(await page.getByLabel('作成の期限').inputValue()).toBe('');
    expect(await page.getByRole('status').filter({ hasText: '作成しました' }).count()).toBe(0);
    // A 作成 deadline that has passed: every sheet still being planned is marked, in words.
    await page.getByLabel('作成の期限').fill('2023-04-01');
    await page.getByRole('button', { name: '期限を設定' }).click();
    await page.getByRole('status').filter({ hasText: '期限を設定しました。' }).waitFor();
    await nextYear.getByText('期限超過（作成）').first().waitFor();
    expect(await nextYear.getByText('期限超過（作成）').count()).toBe(8);
    await snap(page, 'ward-next-year', true);
    await expectAccessible(page, 'the 令和5年度 ward page');

    // 3. The 点検表 of 令和4年度: five evaluations differ from the rule without a reason.
    await openWardYear(page, '令和4年度');
    await page.getByRole('link', { name: '点検表' }).click();
    await page.getByRole('heading', { level: 1, name: /点検表/ }).waitFor();
    const before = await contradictionSection(page);
    expect(await before.section.getByRole('heading').textContent()).toBe(
      '基準と異なる評価（理由なし）（5件）',
    );
    expect(before.names.sort()).toEqual([...contradictions].sort());
    await snap(page, 'consistency', true);
    await expectAccessible(page, 'the 点検表');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: '組織ごと' }).isVisible()).toBe(false);
    await snap(page, 'consistency-print', true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: '組織ごと' }).click();
    await page.getByRole('region', { name: /^地域総務課/ }).waitFor();
    await snap(page, 'consistency-by-sheet', true);
    await expectAccessible(page, 'the 点検表 by organization');
    await page.getByRole('link', { name: '種類ごと' }).click();
    await page.getByRole('region', { name: /^基準と異なる評価/ }).waitFor();

    // 4. Its link opens the sheet at the indicator's row.
    await page
      .getByRole('region', { name: /^基準と異なる評価/ })
      .getByRole('link', { name: /定時退庁推進日実施率/ })
      .click();
    await page.waitForURL(/\/sheets\/[0-9a-f-]{36}#at-goal-3-indicator-0$/);
    const somuSheetPath = new URL(page.url()).pathname;
    const row = page.locator('tr#at-goal-3-indicator-0');
    await page.waitForFunction(() => document.activeElement?.id === 'at-goal-3-indicator-0');
    expect(await row.getAttribute('data-anchored')).toBe('true');
    expect(await row.getByRole('rowheader', { name: '定時退庁推進日実施率（％）' }).count()).toBe(1);
    await snap(page, 'sheet-anchored');

    // 5. 担当者 of 地域総務課 explains the evaluation (the sheet is made 承認済み again first).
    await importAsAdmin(browser, baseUrl, approvedSomuSheet());
    const staff = await openListEditorPage(browser, { viewport });
    await staff.page.goto(`${baseUrl}${somuSheetPath}`);
    await signInThroughUi(staff.page, 'somu-staff', '地域総務課 担当者（デモ）');
    await staff.page.getByRole('link', { name: '編集', exact: true }).click();
    await staff.page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    const overtime = indicatorEditor(staff.page, '定時退庁推進日実施率');
    const evaluation = overtime.getByLabel('評価', { exact: true });
    const evaluationField = overtime.locator('.form-field', {
      has: staff.page.getByLabel('評価', { exact: true }),
    });
    expect(await evaluation.inputValue()).toBe('未達成');
    expect(await evaluationField.textContent()).toContain('基準による目安：一部未達成（結果÷目標 = 96.4％');
    const reason = overtime.getByLabel(/^評価の理由/);
    const reasonField = overtime.locator('.form-field', { has: staff.page.getByLabel(/^評価の理由/) });
    // Asked for by the submission, not to save the draft.
    expect(await reasonField.textContent()).toContain('評価を提出するまでに理由を入力してください');
    // The 目安 follows the choice: 一部未達成 agrees with it, and no reason is asked for.
    await evaluation.selectOption('一部未達成');
    await reason.waitFor({ state: 'detached' });
    await evaluation.selectOption('達成');
    await reason.waitFor();
    expect(await reasonField.textContent()).toContain(
      '評価「達成」が基準による目安「一部未達成」と異なるため',
    );
    await snapPart(overtime, 'edit-reason');
    await expectAccessible(staff.page, 'the editor asking for a reason');
    // The judgement stays 未達成, now with its reason.
    await evaluation.selectOption('未達成');
    await reason.fill(
      '年度後半に選挙事務と感染症対応が重なり、実施率が目標にわずかに届かなかったため未達成としました。',
    );
    await staff.page.getByRole('button', { name: '保存', exact: true }).click();
    await staff.page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    expect(await staff.page.locator('tr#at-goal-3-indicator-0 .evaluation-reason').textContent()).toContain(
      '選挙事務と感染症対応',
    );
    expect(requestsOutside(staff.requests, baseUrl)).toEqual([]);
    await staff.page.context().close();

    // 6. The 企画担当's 点検表 no longer lists it.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /点検表/ }).waitFor();
    await page.reload();
    const after = await contradictionSection(page);
    expect(await after.section.getByRole('heading').textContent()).toBe(
      '基準と異なる評価（理由なし）（4件）',
    );
    expect(after.names).not.toContain('定時退庁推進日実施率');
    expect(after.names.length).toBe(4);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});

describe('the sheet across years', () => {
  test('the history chart opens from the keyboard, loads uPlot only then, and has a table for screen readers', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await openWardYear(page, '令和4年度');
    await page.getByRole('link', { name: '北区郷土博物館', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    const chunk = (url: string) => /\/assets\/IndicatorChart-[\w-]+\.js$/.test(url);
    expect(requests.some(chunk)).toBe(false);

    const toggle = page.getByRole('button', { name: '年間入館者数及び事業参加者数の推移を見る' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const region = page.getByRole('region', { name: '年間入館者数及び事業参加者数（人）の推移' });
    await region.locator('canvas').first().waitFor();
    expect(requests.some(chunk)).toBe(true);
    expect(await toggle.getAttribute('aria-controls')).toBe(await region.getAttribute('id'));

    const alternative = region.getByRole('table', { name: '年間入館者数及び事業参加者数（人）の推移' });
    expect(await alternative.getByRole('columnheader').allTextContents()).toEqual(['年度', '目標', '結果']);
    const rows = await alternative.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('9,068人');
    expect(rows[rows.length - 1]).toContain('5,630人');
    expect(rows[rows.length - 1]).toContain('5,300人');
    expect(await alternative.evaluate((el) => el.parentElement?.getBoundingClientRect().width)).toBe(1);
    await snapPart(page.locator('tr', { has: region }), 'sheet-chart');
    await expectAccessible(page, 'the sheet with a chart open');

    // Not printed; closed again from the keyboard.
    await page.emulateMedia({ media: 'print' });
    expect(await region.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await toggle.focus();
    await page.keyboard.press('Space');
    await region.waitFor({ state: 'detached' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('the 部区 number shows the 部区 goal on focus once 北区 has its own sheet', async () => {
    await importAsAdmin(browser, baseUrl, wardOwnSheet());
    const { page, requests } = await openPage(browser, { viewport });
    await openWardYear(page, '令和4年度');
    await page.getByRole('link', { name: '区民生活課', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    const parent = page.locator('#at-goal-0 + .goal-parent').getByRole('button');
    const tip = page.getByRole('tooltip').filter({ hasText: '部区の目標1:' });
    expect(await tip.isVisible()).toBe(false);
    await parent.focus();
    await tip.waitFor();
    expect(await tip.textContent()).toBe(`部区の目標1: ${wardGoalTexts[0]}`);
    await snap(page, 'sheet-parent-tooltip');
    await expectAccessible(page, 'the sheet with the 部区 tooltip shown');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('管理者 sets the evaluation rule on the municipality’s settings page, from the header link', async () => {
    const { page, requests } = await openPage(browser, { viewport });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'admin', '管理者（デモ）');
    await page
      .getByRole('navigation', { name: 'サイト内' })
      .getByRole('link', { name: '自治体の設定' })
      .click();
    await page.getByRole('heading', { level: 1, name: '新潟市の設定' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '評価の基準' }).waitFor();
    const achieved = page.getByLabel('「達成」とする達成率（％）');
    const partly = page.getByLabel('「一部未達成」とする達成率（％）');
    expect([await achieved.inputValue(), await partly.inputValue()]).toEqual(['100', '80']);
    await partly.fill('120');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    expect(await partly.getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'settings-error');
    await expectAccessible(page, 'the evaluation rule page with an error');
    await partly.fill('９０');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '評価の基準を保存しました。' }).waitFor();
    const rule = await (await page.request.get(`${baseUrl}/api/v1/evaluation-rule`)).json();
    expect(rule).toEqual({ achieved: 1, partly: 0.9, publishAids: false });
    await snap(page, 'settings');
    await expectAccessible(page, 'the evaluation rule page');
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});
