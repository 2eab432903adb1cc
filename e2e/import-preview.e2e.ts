import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeLegacy } from '../src/imports/json/testing';
import { indicatorNamed, sampleFile, sheetFileTitled } from '../src/server/testing/finders';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { type RunningServer, startServer } from './global-setup';
import { expectAccessible, sampleSheetId, snap } from './helpers';
import { importNextYear, signInThroughUi } from './session';

// This journey imports 令和5年度, then a 令和4年度 file from the 令和5年度 page: a server of its own.
let server: RunningServer;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), connectBrowser()]);
  baseUrl = server.baseUrl;
  await importNextYear(browser, baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The 令和4年度 sample with 健康福祉課's 生活習慣病予防講座開催数 result 60回 and a field the format lacks. */
function editedSample(): string {
  const file = sampleFile();
  const indicator = indicatorNamed(sheetFileTitled(file, '健康福祉課'), '生活習慣病予防講座開催数');
  indicator.result = { text: '60回', value: 60 };
  return JSON.stringify({ exportedBy: '別のシステム', ...file });
}

describe('取り込みの確認 from the page', () => {
  test('a 令和4年度 JSON on the 令和5年度 page: called out, differences shown, reason required, history kept', async () => {
    const { page, requests } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/`);
    await signInThroughUi(page, 'kita-kikaku', '北区 企画担当（デモ）');
    await page.goto(`${baseUrl}/years/2023/wards/${encodeURIComponent('北区')}/import`);
    await page.getByRole('heading', { level: 1, name: /Excel から取り込む/ }).waitFor();
    const input = page.getByLabel('取り込むファイル（Excel .xlsx または JSON）');
    const check = page.getByRole('button', { name: '内容を確認する' });

    // Shift_JIS: refused, naming the encoding.
    const json = editedSample();
    await input.setInputFiles({
      name: 'kita-sjis.json',
      mimeType: 'application/json',
      buffer: Buffer.from(encodeLegacy(json, 'shift_jis')),
    });
    await check.click();
    const failure = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: '取り込めませんでした' }) });
    await failure.waitFor();
    expect(await failure.textContent()).toContain(
      'このファイルは Shift_JIS で保存されているようです。UTF-8 で保存し直してから取り込んでください。',
    );

    // UTF-8 (with a BOM): the preview, reached by keyboard.
    await input.setInputFiles({
      name: 'kita-2022.json',
      mimeType: 'application/json',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
    });
    await check.focus();
    await page.keyboard.press('Enter');
    const preview = page.getByRole('region', { name: '取り込みの確認' });
    // The preview is a job: on a busy shared server it may wait behind another's for a while.
    await preview.waitFor({ timeout: 90_000 }).catch(async (error: unknown) => {
      throw new Error(`no preview; the page says: ${await page.locator('main').textContent()}`, {
        cause: error,
      });
    });
    expect(await page.evaluate(() => document.activeElement?.classList.contains('import-preview'))).toBe(
      true,
    );
    expect(await preview.getByRole('alert').textContent()).toContain(
      'このファイルは令和4年度のシートです。取り込みを始めたページ（令和5年度）とは年度が異なります。',
    );
    expect(await preview.locator('dd').allTextContents()).toEqual([
      'kita-2022.json（交換形式の JSON）',
      '新潟市 北区 令和4年度',
      '新規 0件・置き換え 1件・変更なし 7件',
    ]);
    const row = preview.getByRole('row', { name: /健康福祉課/ }).first();
    expect(await row.textContent()).toMatch(/置き換え.*公開.*理由が必要/);
    const summary = row.getByText('1項目（変更前 → 変更後）');
    await summary.focus();
    await page.keyboard.press('Enter');
    const change = row.getByRole('row', { name: /R4結果/ });
    expect(await change.getByRole('cell').allTextContents()).toEqual(['6回', '60回']);
    await preview.getByText('無視する項目（1件）').click();
    expect(await preview.getByText('exportedBy').count()).toBe(1);
    await snap(page, 'import-preview', true);
    await expectAccessible(page, 'the import preview');

    // Without a reason: the field says so and has the focus; nothing is written.
    await preview.getByRole('button', { name: '取り込む' }).click();
    const reason = preview.getByLabel('置き換えの理由（必須）');
    await preview.getByText('評価確定・公開のシートを置き換える理由を入力してください。').waitFor();
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('講座の開催回数の集計誤りを訂正');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const success = page.locator('.import-result');
    await success.getByRole('heading', { name: '取り込みました' }).waitFor();
    expect(await success.locator('dd').nth(2).textContent()).toBe('新規 0件・置き換え 1件・変更なし 7件');

    // The sheet's history: who, from where, why, and 6回 → 60回.
    const id = await sampleSheetId(baseUrl, '健康福祉課');
    const history = await (await page.request.get(`${baseUrl}/api/v1/sheets/${id}/history`)).json();
    const [latest] = history.entries as {
      actor: string;
      comment: string;
      changes: { label: string; before: string; after: string }[];
    }[];
    expect(latest?.comment).toBe(
      '交換形式の JSON ファイル「kita-2022.json」を画面から取り込み（置き換え）。理由：講座の開催回数の集計誤りを訂正',
    );
    expect(latest?.actor).toBe('北区 企画担当（デモ）');
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ before: '6回', after: '60回', label: expect.stringMatching(/R4結果$/) }),
      ]),
    );
    await page.goto(`${baseUrl}/sheets/${id}/history`);
    await page.getByText('講座の開催回数の集計誤りを訂正', { exact: false }).first().waitFor();
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});
