import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SheetDocument } from '../src/domain/sheet-document';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../src/schemas/sheet-edit';
import { pastYearFixture } from '../src/server/testing/next-year-fixture';
import { connectBrowser, openPage, requestsOutside } from './browser';
import { expectAccessible, snap } from './helpers';
import { apiSignIn, importThroughApi, sheetIds } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
let approvedId: string;
let draftId: string;

/** 平成28年度 on this server is this file's own: 地域総務課 承認済み, 健康福祉課 下書き, the rest 公開. */
beforeAll(async () => {
  browser = await connectBrowser();
  const { page } = await openPage(browser);
  const headers = await apiSignIn(page, baseUrl, 'admin');
  const file = pastYearFixture(2016, (title) =>
    title === '地域総務課' ? 'approved' : title === '健康福祉課' ? 'draft' : 'published',
  );
  await importThroughApi(page, baseUrl, headers, file);
  const ids = await sheetIds(page, baseUrl, 2016);
  await page.context().close();
  const approved = ids.get('地域総務課');
  const draft = ids.get('健康福祉課');
  if (!approved || !draft) throw new Error('the 平成28年度 fixture changed');
  approvedId = approved;
  draftId = draft;
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function stored(page: Page, id: string): Promise<SheetView> {
  return sheetViewSchema.parse(await (await page.request.get(`${baseUrl}/api/v1/sheets/${id}`)).json());
}

async function openGrid(page: Page, id: string): Promise<void> {
  await page.goto(`${baseUrl}/sheets/${id}/edit`);
  await page.getByRole('table', { name: /組織目標と指標の編集/ }).waitFor();
}

const cell = (page: Page, path: string) =>
  page.locator(`#f-${path.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`);

/** Puts a block on the clipboard as a spreadsheet does and pastes it with Ctrl+V. */
async function pasteBlock(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press('Control+V');
}

/** The document with the given paths' values replaced: what the save must have changed, and only that. */
function withChanges(document: SheetDocument, changes: Record<string, unknown>): unknown {
  const copy = structuredClone(document) as unknown as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.match(/[^.[\]]+/g) ?? [];
    let at: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
    at[keys.at(-1) ?? ''] = value;
  }
  return copy;
}

describe('editing in the sheet itself', () => {
  test('keyboard only: three cells across two indicators, a 2 × 3 block pasted, one undo, saved exactly', async () => {
    const { page, requests } = await openPage(browser, {
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await apiSignIn(page, baseUrl, 'somu-staff');
    const before = await stored(page, approvedId);
    await openGrid(page, approvedId);
    await snap(page, 'grid-1280');

    // 1. The first indicator's 結果: selected by the keyboard, typing replaces it, Tab moves on.
    await cell(page, 'goals[0].indicators[0].result.text').focus();
    await page.keyboard.type('まちづくり計画の素案');
    await page.keyboard.press('Tab');
    // 2. 補足 of the same indicator; Enter closes the cell and moves down to the next goal's.
    await page.keyboard.type('素案は区自治協議会で説明');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-goals-1-indicators-0-note');
    // 3. Opened with Enter, the cell keeps its text and the typing goes on after it.
    await page.keyboard.press('Enter');
    await page.keyboard.type('避難所ごとの運営委員会');
    await page.keyboard.press('Enter');
    // Enter went down to 目標3's 補足; left is its 結果, the top left of the block.
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-goals-2-indicators-0-result-text');

    // 4. A 2 × 3 block from a spreadsheet: 結果, 補足, 目標達成状況 of 目標3 and 目標4.
    await pasteBlock(
      page,
      '18団体\t"協働の相手：\n自治会・NPO"\t前年並み\r\n48.2%\t毎週水曜\t一部で未実施\r\n',
    );
    await page.getByRole('status').filter({ hasText: '6件の欄に貼り付けました。' }).waitFor();
    expect(await cell(page, 'goals[2].indicators[0].note').inputValue()).toBe('協働の相手：\n自治会・NPO');
    expect(await cell(page, 'goals[3].indicators[0].achievement').inputValue()).toBe('一部で未実施');
    await snap(page, 'grid-pasted');

    // 5. One undo takes back the whole block, and nothing else.
    await page.keyboard.press('Control+Z');
    expect(await cell(page, 'goals[2].indicators[0].note').inputValue()).toBe(
      before.goals[2]?.indicators[0]?.note ?? '',
    );
    expect(await cell(page, 'goals[3].indicators[0].result.text').inputValue()).toBe('');
    expect(await cell(page, 'goals[1].indicators[0].note').inputValue()).toBe(
      `${before.goals[1]?.indicators[0]?.note ?? ''}避難所ごとの運営委員会`,
    );

    // 6. Saved from the keyboard: exactly the three cells changed.
    await page.getByRole('button', { name: '保存', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const after = await stored(page, approvedId);
    expect(toSheetDocument(after)).toEqual(
      withChanges(toSheetDocument(before), {
        'goals[0].indicators[0].result.text': 'まちづくり計画の素案',
        'goals[0].indicators[0].note': '素案は区自治協議会で説明',
        'goals[1].indicators[0].note': `${before.goals[1]?.indicators[0]?.note ?? ''}避難所ごとの運営委員会`,
      }),
    );
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('a pasted block is checked cell by cell: locked and wrong cells say why on the cell, the rest saves', async () => {
    const { page } = await openPage(browser, {
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    const before = await stored(page, draftId);
    await openGrid(page, draftId);
    // In a draft the 結果 is locked: the cell is marked and says why.
    const result = cell(page, 'goals[0].indicators[0].result.text');
    expect(await result.getAttribute('readonly')).not.toBeNull();

    await cell(page, 'goals[0].indicators[0].target.text').focus();
    await pasteBlock(page, '100人\t90人\t前年度の実績から設定\r\n');
    await page
      .getByRole('status')
      .filter({ hasText: '2件の欄に貼り付けました。1件の欄は貼り付けられませんでした' })
      .waitFor();
    const describedBy = (await result.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('f-goals-0-indicators-0-result-text-error');
    expect(await page.locator('#f-goals-0-indicators-0-result-text-error').textContent()).toBe(
      '結果と評価は、計画が承認されてから入力します。',
    );
    expect(await result.inputValue()).toBe('');

    // Typing into a locked cell changes nothing and says why.
    await result.focus();
    await page.keyboard.type('5');
    await page.getByRole('status').filter({ hasText: 'は編集できません。' }).waitFor();
    expect(await result.inputValue()).toBe('');

    // A 部区 that is not a number is shown wrong on its cell at once; the draft still saves once fixed.
    await cell(page, 'goals[0].parentNo').focus();
    await page.keyboard.type('第一');
    await page.keyboard.press('Enter');
    await page.locator('#f-goals-0-parentNo-error').waitFor({ state: 'attached' });
    await cell(page, 'goals[0].parentNo').focus();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.locator('#f-goals-0-parentNo-error').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const after = await stored(page, draftId);
    expect(toSheetDocument(after)).toEqual(
      withChanges(toSheetDocument(before), {
        'goals[0].parentNo': 2,
        'goals[0].indicators[0].target.text': '100人',
        'goals[0].indicators[0].note': '前年度の実績から設定',
      }),
    );
    await page.context().close();
  });

  test('goals and indicators are added, moved and removed in place, from the keyboard', async () => {
    const { page } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    const before = await stored(page, draftId);
    await openGrid(page, draftId);

    // 目標1's menu: 指標を追加 — the new row's 項目 takes the focus.
    const goalMenu = page.locator('summary[aria-label="目標1の操作"]');
    await goalMenu.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '目標1に指標を追加' }).focus();
    await page.keyboard.press('Enter');
    const firstIndicators = before.goals[0]?.indicators.length ?? 0;
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      `f-goals-0-indicators-${firstIndicators}-name`,
    );
    await page.keyboard.type('相談件数');

    // 目標2 moves up, and the last goal is removed.
    const count = before.goals.length;
    await page.locator('summary[aria-label="目標2の操作"]').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '目標2を上へ移動' }).focus();
    await page.keyboard.press('Enter');
    await page.locator(`summary[aria-label="目標${count}の操作"]`).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: `目標${count}を削除` }).focus();
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: '保存', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const after = await stored(page, draftId);
    const texts = before.goals.map((goal) => goal.text);
    expect(after.goals.map((goal) => goal.text)).toEqual([texts[1], texts[0], ...texts.slice(2, count - 1)]);
    expect(after.goals[1]?.indicators.map((i) => i.name)).toEqual([
      ...(before.goals[0]?.indicators.map((i) => i.name) ?? []),
      '相談件数',
    ]);
    await page.context().close();
  });

  test('no surprises: a chosen 評価 stays as the arrows move on, Escape leaves nothing to undo, a moved row keeps the focus', async () => {
    const { page } = await openPage(browser, {
      viewport: { width: 1280, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await apiSignIn(page, baseUrl, 'somu-staff');
    await openGrid(page, approvedId);
    const evaluation = cell(page, 'goals[0].indicators[0].evaluation');
    const judged = await evaluation.inputValue();
    const chosen = judged === '未達成' ? '達成' : '未達成';
    await evaluation.selectOption(chosen);
    await evaluation.focus();
    await page.keyboard.press('ArrowDown');
    expect(await evaluation.inputValue()).toBe(chosen);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-goals-1-indicators-0-evaluation');

    // Typed, then closed with Escape: as it was, and 元に戻す takes back the 評価, not an empty step.
    const note = cell(page, 'goals[1].indicators[0].note');
    const before = await note.inputValue();
    await note.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('取り消す文');
    await page.keyboard.press('Escape');
    expect(await note.inputValue()).toBe(before);
    await page.keyboard.press('Control+Z');
    expect(await evaluation.inputValue()).toBe(judged);

    // One value copied from a spreadsheet cell goes in at the caret, without the line break Excel adds.
    await page.keyboard.press('Enter');
    await page.evaluate(() => navigator.clipboard.writeText('追記\r\n'));
    await page.keyboard.press('Control+V');
    await page.keyboard.press('Enter');
    expect(await note.inputValue()).toBe(`${before}追記`);
    await page.context().close();

    // In a draft, 下へ moves an indicator and the focus stays on the button that moved it.
    const draft = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await apiSignIn(draft.page, baseUrl, 'fukushi-staff');
    await openGrid(draft.page, draftId);
    await draft.page.locator('summary[aria-label="目標1の指標1の操作"]').focus();
    await draft.page.keyboard.press('Enter');
    await draft.page.getByRole('button', { name: '目標1の指標1を下へ移動' }).focus();
    await draft.page.keyboard.press('Enter');
    const focused = await draft.page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    // Now the last, it cannot go further down: 上へ of the same indicator takes the focus.
    expect(focused).toMatch(/^目標1の指標2を(下|上)へ移動$/);
    await draft.page.keyboard.press('Escape');
    expect(await draft.page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await draft.page.context().close();
  });

  test('axe finds nothing on the grid at 1280 and 375 px; on a phone the rows read as cards', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 375, height: 812 },
    ]) {
      const { page } = await openPage(browser, { viewport });
      await apiSignIn(page, baseUrl, 'somu-staff');
      await openGrid(page, approvedId);
      await expectAccessible(page, `the editor's grid at ${viewport.width} px`);
      await snap(page, `grid-${viewport.width}-full`, true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    }
  });
});
