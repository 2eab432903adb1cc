import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../src/exports/pdf/poppler';
import { indicatorSeriesSchema } from '../src/schemas/indicator-series';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { appDrawn, expectAccessible } from './helpers';
import { apiSignIn, sheetIds } from './session';

// This journey rolls the sample over and corrects a published result: it runs on a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;
let year2022: string;
let year2023: string;

const indicator = '生活習慣病予防講座開催数';
const viewport = { width: 1440, height: 900 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'kita-kikaku');
  const response = await page.request.post(`${baseUrl}/api/v1/rollover`, {
    headers,
    data: { ward: '北区', fromYear: 2022 },
  });
  expect(response.status(), await response.text()).toBe(201);
  year2022 = (await sheetIds(page, baseUrl, 2022)).get('健康福祉課') ?? '';
  year2023 = (await sheetIds(page, baseUrl, 2023)).get('健康福祉課') ?? '';
  await page.context().close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** What each output of 令和4年度 says of the result, read as the public reads it. */
async function published(page: Page) {
  await page.goto(`${baseUrl}/sheets/${year2022}`);
  await appDrawn(page);
  await page.locator('th.indicator-name', { hasText: indicator }).waitFor();
  // The row's 実績・目標・結果 cells, as the table lays them out: R1, R2, R3, R4目標, R4結果.
  const cells = await page
    .locator('tr', { has: page.locator('th.indicator-name', { hasText: indicator }) })
    .locator('td.cell-value')
    .allTextContents();
  const id = await page.evaluate(
    async ([sheet, name]) => {
      const body = await (await fetch(`/api/v1/sheets/${sheet}`)).json();
      for (const goal of body.goals)
        for (const i of goal.indicators) if (i.name === name) return i.indicatorId as string;
      return '';
    },
    [year2022, indicator],
  );
  const series = indicatorSeriesSchema.parse(
    await (await page.request.get(`${baseUrl}/api/v1/indicators/${id}/series`)).json(),
  );
  const csv = await (
    await page.request.get(
      `${baseUrl}/api/v1/downloads/csv?fiscalYear=2022&ward=${encodeURIComponent('北区')}`,
    )
  ).text();
  const pdf = pdfText(
    Buffer.from(await (await page.request.get(`${baseUrl}/api/v1/downloads/sheets/${year2022}/pdf`)).body()),
    'raw',
  ).replace(/\s+/g, '');
  const booklet = pdfText(
    Buffer.from(
      await (
        await page.request.get(
          `${baseUrl}/api/v1/downloads/booklet?fiscalYear=2022&ward=${encodeURIComponent('北区')}`,
        )
      ).body(),
    ),
    'raw',
  ).replace(/\s+/g, '');
  const csvRow =
    csv
      .split('\r\n')
      .find((line) => line.includes(`,${indicator},`) && line.includes(',2022,令和4年度,目標・結果,')) ?? '';
  // The history chart, read through its table (the picture's alternative): its 令和4年度 result.
  await page.getByRole('button', { name: `${indicator}の推移を見る` }).click();
  const chartTable = page.getByRole('table', { name: `${indicator}（回）の推移`, exact: true });
  await chartTable.waitFor({ state: 'attached' });
  const chartRows = await chartTable.locator('tbody tr').allTextContents();
  // 年度, 目標, 結果 of 令和4年度.
  const chart =
    (await chartTable.locator('tbody tr', { hasText: '令和4年度' }).locator('td').allTextContents())[1] ?? '';
  return {
    chart,
    chartRows: chartRows.join(' / '),
    /** The R4結果 cell: the 4th value cell after R1–R3実績 and R4目標. */
    page: cells[4] ?? '',
    cells: cells.join(' | '),
    series: series.points.find((p) => p.fiscalYear === 2022)?.result?.text ?? null,
    csv: csvRow,
    pdf,
    booklet,
    notes: await page.getByRole('region', { name: /正誤/ }).count(),
  };
}

async function signedIn(loginId: string): Promise<Page> {
  const { page } = await openPage(browser, { viewport });
  await apiSignIn(page, baseUrl, loginId);
  return page;
}

async function propose(page: Page, to: string, reason: string): Promise<void> {
  await page.goto(`${baseUrl}/sheets/${year2023}`);
  await appDrawn(page);
  await page.getByRole('button', { name: `${indicator}のR4実績の訂正` }).click();
  const dialog = page.getByRole('dialog', { name: '実績の訂正の申請' });
  await dialog.waitFor();
  await dialog.getByLabel('訂正後のR4実績').fill(to);
  await dialog.getByLabel('訂正の理由').fill(reason);
  await dialog.getByRole('button', { name: '申請する' }).click();
  await page.getByRole('status').filter({ hasText: '実績の訂正を申請しました。' }).waitFor();
}

async function decide(page: Page, decision: '承認' | '差戻し', comment?: string): Promise<void> {
  await page.goto(`${baseUrl}/sheets/${year2023}`);
  await appDrawn(page);
  const region = page.getByRole('region', { name: '実績の訂正の申請', exact: true });
  await region.waitFor();
  await region.getByRole('button', { name: `${indicator}のR4実績の訂正の${decision}` }).click();
  const dialog = page.getByRole('dialog', { name: `実績の訂正の${decision}` });
  if (comment) await dialog.getByLabel(/差戻しの理由/).fill(comment);
  await dialog.getByRole('button', { name: decision === '承認' ? '承認する' : '差し戻す' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: decision === '承認' ? '実績の訂正を承認しました。' : '実績の訂正を差し戻しました。' })
    .waitFor();
}

describe('過年度実績の訂正: a published result changes only by an approved correction', () => {
  test('read-only 実績 in the draft; proposed, returned, proposed again, approved; every output agrees', async () => {
    const staff = await signedIn('fukushi-staff');

    // 1. In the rolled-over draft the 実績 columns are shown, not edited.
    await staff.goto(`${baseUrl}/sheets/${year2023}/edit`);
    await staff.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    const actuals = await staff.getByRole('textbox', { name: 'R4実績' }).all();
    expect(actuals.length).toBeGreaterThan(0);
    for (const actual of actuals) expect(await actual.getAttribute('readonly')).not.toBeNull();
    expect(
      await staff.getByText('過年度の実績は、その年度の記録から表示しています。').count(),
    ).toBeGreaterThan(0);

    // 2. 担当者 proposes a correction from the draft's R4実績 cell.
    await propose(staff, '70回', '集計表の転記誤りのため（参加者名簿で確認）。');
    const { page: reader } = await openPage(browser, { viewport });
    let outputs = await published(reader);
    expect(outputs.page, outputs.cells).toContain('6回');
    expect(outputs.series).toBe('6回');
    expect(outputs.chart, outputs.chartRows).toBe('6回');
    expect(outputs.csv).toContain(',6回,');
    expect(outputs.pdf).not.toContain('正誤');
    expect(outputs.notes).toBe(0);

    // 3. 所属長 returns it with a comment; the 担当者 sees it and proposes again.
    const head = await signedIn('fukushi-head');
    await decide(head, '差戻し', '名簿では7回です。確認してください。');
    await staff.goto(`${baseUrl}/sheets/${year2023}`);
    await appDrawn(staff);
    const region = staff.getByRole('region', { name: '実績の訂正の申請', exact: true });
    expect(await region.textContent()).toContain('名簿では7回です。確認してください。');
    await propose(staff, '7回', '集計表の転記誤りのため（参加者名簿で確認）。');
    outputs = await published(reader);
    expect(outputs.page, outputs.cells).toContain('6回');
    expect(outputs.series).toBe('6回');

    // 4. 所属長 approves: the 令和4年度 sheet, PDF, booklet, chart data and CSV all say 7回 with the 正誤.
    await expectAccessible(head, 'a sheet with a correction waiting');
    await decide(head, '承認');
    outputs = await published(reader);
    expect(outputs.page, outputs.cells).toContain('7回');
    expect(outputs.page, outputs.cells).toContain('※');
    expect(outputs.series).toBe('7回');
    expect(outputs.chart, outputs.chartRows).toBe('7回');
    expect(outputs.csv).toContain(',7回,');
    expect(outputs.csv).toContain('R4実績　誤: 6回 → 正: 7回');
    expect(outputs.notes).toBe(1);
    const note = await reader.getByRole('region', { name: /正誤/ }).textContent();
    expect(note).toContain('誤: 6回 → 正: 7回（集計表の転記誤りのため（参加者名簿で確認）。）');
    for (const pdf of [outputs.pdf, outputs.booklet]) {
      expect(pdf).toContain('正誤（過年度実績の訂正）');
      expect(pdf).toContain(`${indicator}（回）R4実績誤:6回→正:7回`);
    }
    await expectAccessible(reader, 'a published sheet with a 正誤');

    // 5. The history of 令和4年度 holds every step.
    const history = await (await head.request.get(`${baseUrl}/api/v1/sheets/${year2022}/history`)).json();
    const steps = history.entries
      .filter((e: { kind: string }) => e.kind === 'correction')
      .map((e: { action: string }) => e.action)
      .sort();
    expect(steps).toEqual(['approved', 'proposed', 'proposed', 'returned']);
    expect(requestsOutside([], baseUrl)).toEqual([]);
  });
});
