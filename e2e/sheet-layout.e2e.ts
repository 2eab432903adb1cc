import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SheetDetail } from '../src/schemas/sheet';
import { sheetViewSchema } from '../src/schemas/sheet-edit';
import { connectBrowser, openPage } from './browser';
import { appDrawn, expectAccessible, headerField, sampleSheetId } from './helpers';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await connectBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The sample's 地域総務課 sheet, moved to 令和5年度 and given what the sample lacks: a target
 * revision, a goal without indicators, markup-like text and a sheet not yet revised or evaluated.
 */
function variantOf(sheet: SheetDetail): SheetDetail {
  const [first, ...others] = sheet.goals;
  if (!first) throw new Error('the sample sheet has no goals');
  const shiftYears = (goal: SheetDetail['goals'][number]) => ({
    ...goal,
    indicators: goal.indicators.map((indicator) => ({
      ...indicator,
      actuals: indicator.actuals.map((cell) => ({ ...cell, fiscalYear: cell.fiscalYear + 1 })),
    })),
  });
  const revised = shiftYears(first);
  const [indicator] = revised.indicators;
  if (!indicator) throw new Error('the first goal has no indicator');
  indicator.revisions = [
    {
      from: { text: '55', value: 55 },
      to: { text: '50', value: 50 },
      revisedOn: '2023-09-30',
      reason: '選挙事務のため',
    },
  ];
  return {
    ...sheet,
    fiscalYear: 2023,
    revisedOn: null,
    evaluatedOn: null,
    goals: [
      { ...revised, text: '<b>太字ではない</b>\n二行目' },
      ...others.map(shiftYears),
      {
        id: crypto.randomUUID(),
        no: 9,
        parentNo: 2,
        parentGoalText: null,
        text: '指標のない目標',
        initiatives: [],
        indicators: [],
      },
    ],
  };
}

describe('the sheet layout follows the data', () => {
  test('a 令和5年度 sheet: year-based column labels, revisions, goals without indicators, text not HTML', async () => {
    const sheetId = await sampleSheetId(baseUrl, '地域総務課');
    const real = sheetViewSchema.parse(await (await fetch(`${baseUrl}/api/v1/sheets/${sheetId}`)).json());
    const variant = { ...variantOf(real), permissions: real.permissions, workflow: null };
    const { page } = await openPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.route(`${baseUrl}/api/v1/sheets/${sheetId}`, (route) => route.fulfill({ json: variant }));
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();

    expect(await headerField(page, '年度')).toBe('令和5年度');
    expect(await headerField(page, '修正日')).toBe('');
    expect(await headerField(page, '評価日')).toBe('');
    const table = page.getByRole('table', { name: /組織目標と指標/ });
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['R2実績', 'R3実績', 'R4実績', 'R5目標', 'R5結果']));
    expect(headers).not.toContain('R1実績');

    const target = table.getByRole('cell', { name: /修正: 55 → 50/ });
    expect(await target.textContent()).toContain('修正: 55 → 50（令和5年9月30日）選挙事務のため');

    const goalText = table.getByRole('cell', { name: /太字ではない/ });
    expect(await goalText.textContent()).toBe('<b>太字ではない</b>\n二行目');
    expect(await goalText.locator('b').count()).toBe(0);
    expect(await goalText.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');

    const lastGoal = table.locator('tbody').last();
    expect(await lastGoal.getByRole('rowheader').first().textContent()).toBe('9');
    expect(await lastGoal.getByText('指標は設定されていません').count()).toBe(1);
    await expectAccessible(page, 'a 令和5年度 sheet with a revision');
    await page.context().close();
  });
});
