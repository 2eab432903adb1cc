import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type SheetView, sheetViewSchema } from '../src/schemas/sheet-edit';
import { indicatorNamed } from '../src/server/testing/finders';
import { connectBrowser, openListEditorPage, requestsOutside } from './browser';
import { appDrawn, expectAccessible, snap } from './helpers';
import { apiSignIn, importNextYear } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
let sheetId: string;
let approvedId: string;

beforeAll(async () => {
  browser = await connectBrowser();
  const ids = await importNextYear(browser, baseUrl);
  const draft = ids.get('健康福祉課');
  const approved = ids.get('地域総務課');
  if (!draft || !approved) throw new Error('the 令和5年度 fixture changed');
  sheetId = draft;
  approvedId = approved;
});

afterAll(async () => {
  await browser?.close();
});

/** The sheet as the API holds it now, read with this page's session. */
async function stored(page: Page, id = sheetId): Promise<SheetView> {
  return sheetViewSchema.parse(await (await page.request.get(`${baseUrl}/api/v1/sheets/${id}`)).json());
}

/** 「目標の修正」 of one indicator on the sheet page, through its dialog. */
async function proposeRevision(page: Page, indicator: string, to: string, reason: string): Promise<void> {
  await page.getByRole('button', { name: `${indicator}の目標の修正` }).click();
  const dialog = page.getByRole('dialog', { name: '目標の修正の申請' });
  await dialog.waitFor();
  await dialog.getByLabel('修正後のR5目標').fill(to);
  await dialog.getByLabel('修正の理由').fill(reason);
  await dialog.getByRole('button', { name: '申請する' }).click();
  await page.getByRole('status').filter({ hasText: '目標の修正を申請しました。' }).waitFor();
}

async function openEditor(page: Page): Promise<void> {
  await page.goto(`${baseUrl}/sheets/${sheetId}/edit`);
  await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
}

const activeElement = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      id: el?.id ?? '',
      text: el?.textContent ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      outline: el ? getComputedStyle(el).outlineStyle : 'none',
    };
  });

/** Presses `key` until the focused element matches, as a keyboard user would. */
async function pressUntil(
  page: Page,
  key: string,
  matches: (el: Awaited<ReturnType<typeof activeElement>>) => boolean,
  limit: number,
): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press(key);
    if (matches(await activeElement(page))) return presses;
  }
  throw new Error(`nothing matched after ${limit} × ${key}`);
}

describe('editing a sheet', () => {
  test('two people edit the same sheet: the second save shows the conflict, nothing is overwritten', async () => {
    const first = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });
    const second = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(first.page, baseUrl, 'fukushi-staff');
    await apiSignIn(second.page, baseUrl, 'fukushi-head');
    const before = await stored(first.page);
    await openEditor(first.page);
    await openEditor(second.page);
    // The second to open the editor is told who already has it open.
    await second.page
      .getByRole('status')
      .filter({ hasText: '健康福祉課 担当者（デモ）さんもこのシートを編集中です。' })
      .waitFor();

    const purpose = '誰もが健康で安心して暮らせる地域を、区民と共につくります。';
    await first.page.getByLabel('組織の目的').fill(purpose);
    await first.page.getByRole('button', { name: '保存', exact: true }).click();
    await first.page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();

    const phone = '025-000-0000';
    await second.page.getByLabel('問合せ先（電話番号）').fill(phone);
    await second.page.getByRole('button', { name: '保存', exact: true }).click();
    const panel = second.page.getByRole('region', { name: '保存できませんでした（編集の競合）' });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('他の人が先に保存しました');
    await second.page.waitForFunction(() => document.activeElement?.id === 'conflict');
    const differences = panel.getByRole('table', { name: /あなたの入力と最新の内容の違い/ });
    const purposeRow = differences
      .getByRole('row')
      .filter({ has: second.page.getByRole('rowheader', { name: '組織の目的' }) });
    expect(await purposeRow.getByRole('cell').allTextContents()).toEqual([before.purpose, purpose]);
    const phoneRow = differences
      .getByRole('row')
      .filter({ has: second.page.getByRole('rowheader', { name: '問合せ先（電話番号）' }) });
    expect(await phoneRow.getByRole('cell').allTextContents()).toEqual([phone, before.phone]);
    await snap(second.page, 'conflict');
    await expectAccessible(second.page, 'the conflict panel');

    // Nothing of the second save was written; the first one stands.
    const afterConflict = await stored(second.page);
    expect(afterConflict.purpose).toBe(purpose);
    expect(afterConflict.phone).toBe(before.phone);
    expect(afterConflict.version).toBe(before.version + 1);
    expect(await second.page.getByLabel('問合せ先（電話番号）').inputValue()).toBe(phone);

    // Loading the latest asks first, then shows the first person's text in the form.
    await panel.getByRole('button', { name: '最新の内容を読み込む（入力を破棄）' }).click();
    const confirm = second.page.getByRole('dialog', { name: '最新の内容を読み込みますか' });
    await confirm.waitFor();
    await expectAccessible(second.page, 'the discard confirmation');
    await confirm.getByRole('button', { name: '入力を破棄して読み込む' }).click();
    await panel.waitFor({ state: 'detached' });
    expect(await second.page.getByLabel('組織の目的').inputValue()).toBe(purpose);
    expect(await second.page.getByLabel('問合せ先（電話番号）').inputValue()).toBe(before.phone);

    // Editing on top of the latest now saves without losing the first person's change.
    await second.page.getByLabel('問合せ先（電話番号）').fill(phone);
    await second.page.getByRole('button', { name: '保存', exact: true }).click();
    await second.page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    const final = await stored(second.page);
    expect([final.purpose, final.phone]).toEqual([purpose, phone]);

    expect(requestsOutside([...first.requests, ...second.requests], baseUrl)).toEqual([]);
    await first.page.context().close();
    await second.page.context().close();
  });

  test('keyboard only: reach 目標を追加, add a goal, move it up, and be asked before leaving', async () => {
    const { page, requests } = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    const before = await stored(page);
    const goals = before.goals.length;
    await openEditor(page);

    await pressUntil(page, 'Tab', (el) => el.text === '目標を追加', 800);
    expect((await activeElement(page)).outline).not.toBe('none');
    await page.keyboard.press('Enter');
    const added = goals + 1;
    expect((await activeElement(page)).id).toBe(`f-goals-${goals}-parentNo`);
    await page.keyboard.type('２');
    await pressUntil(page, 'Shift+Tab', (el) => el.label === `目標${added}を上へ移動`, 10);
    await page.keyboard.press('Enter');
    const focused = await activeElement(page);
    expect(focused.label, 'focus stays on the moved goal').toBe(`目標${added - 1}を上へ移動`);
    expect(focused.outline).not.toBe('none');
    const moved = page.locator('fieldset.goal-editor').nth(goals - 1);
    expect(await moved.locator('legend').first().textContent()).toBe(`目標${added - 1}`);
    expect(await moved.getByLabel('部区').inputValue()).toBe('２');
    await snap(page, 'keyboard-moved');
    await expectAccessible(page, 'the edit page after adding and moving a goal');

    // 保存 is checked in the browser first: the summary lists the empty fields and links to them.
    await page.getByRole('button', { name: '保存', exact: true }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: '入力内容を確認してください。' });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    const links = await summary.getByRole('link').allTextContents();
    expect(links).toEqual([
      `目標${added - 1} › 組織目標：組織目標を入力してください`,
      `目標${added - 1} › 指標1 › 項目：指標の項目を入力してください`,
    ]);
    await snap(page, 'edit-client-errors');
    await expectAccessible(page, 'the edit page with errors');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const goalText = page.locator(`#f-goals-${goals - 1}-text`);
    expect(await goalText.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await goalText.getAttribute('aria-invalid')).toBe('true');
    await page.keyboard.type('地域で支え合う仕組みをつくります。');
    expect(await summary.getByRole('link').count(), 'fixed fields leave the summary').toBe(1);

    // Leaving with unsaved changes asks; 編集を続ける (focused first) keeps them.
    await page.getByRole('link', { name: 'キャンセル（シートに戻る）' }).focus();
    await page.keyboard.press('Enter');
    const leave = page.getByRole('dialog', { name: '保存していない変更があります' });
    await leave.waitFor();
    expect((await activeElement(page)).text).toBe('編集を続ける');
    await expectAccessible(page, 'the leave confirmation');
    await page.keyboard.press('Enter');
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe(`/sheets/${sheetId}/edit`);
    expect(await page.locator('fieldset.goal-editor').count()).toBe(added);

    // Closing or reloading the tab asks too (the browser's own beforeunload question).
    const asked = new Promise<string>((resolve) => {
      page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      });
    });
    await page.close({ runBeforeUnload: true });
    expect(await asked).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);

    await page.getByRole('link', { name: 'キャンセル（シートに戻る）' }).focus();
    await page.keyboard.press('Enter');
    await leave.waitFor();
    await page.keyboard.press('Tab');
    expect((await activeElement(page)).text).toBe('変更を破棄して移動する');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/sheets/${sheetId}`);
    expect((await stored(page)).goals).toHaveLength(goals);
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });

  test('目標の修正: 担当者 proposes, 所属長 approves; nobody approves his own proposal', async () => {
    const staff = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(staff.page, baseUrl, 'somu-staff');
    await staff.page.goto(`${baseUrl}/sheets/${approvedId}`);
    await appDrawn(staff.page);
    await staff.page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    const dialog = staff.page.getByRole('dialog', { name: '目標の修正の申請' });
    const propose = staff.page.getByRole('button', { name: '定時退庁推進日実施率の目標の修正' });
    // On a loaded machine the first click can land while the sheet re-renders after its
    // queries settle; a person would click again, and so does the test (at most a few times).
    await expect
      .poll(
        async () => {
          if (!(await dialog.isVisible())) await propose.click();
          return dialog.isVisible();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    await dialog.getByLabel('修正後のR5目標').fill('４５');
    expect(await dialog.locator('#revision-to-note').textContent()).toBe('数値：45');
    await snap(staff.page, 'dialog-revision');
    await expectAccessible(staff.page, 'the 目標の修正 dialog');
    await dialog.getByRole('button', { name: 'キャンセル' }).click();
    const reason = '選挙が2回あり、期日前投票期間の勤務が増えるため。';
    await proposeRevision(staff.page, '定時退庁推進日実施率', '４５', reason);
    const pending = staff.page.getByRole('region', { name: '承認待ちの目標の修正', exact: true });
    expect(await pending.textContent()).toContain(reason);
    expect(await pending.getByRole('button').count(), 'the 担当者 cannot decide').toBe(0);
    await staff.page.context().close();

    const head = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });
    await apiSignIn(head.page, baseUrl, 'somu-head');
    await head.page.goto(`${baseUrl}/sheets/${approvedId}`);
    await appDrawn(head.page);
    await head.page.getByRole('region', { name: '承認待ちの目標の修正', exact: true }).waitFor();
    await expectAccessible(head.page, 'a sheet with a pending revision');
    await head.page.getByRole('button', { name: '定時退庁推進日実施率の目標の修正の承認' }).click();
    await head.page
      .getByRole('dialog', { name: '目標の修正の承認' })
      .getByRole('button', { name: '承認する' })
      .click();
    await head.page.getByRole('status').filter({ hasText: '目標の修正を承認しました。' }).waitFor();
    const table = head.page.getByRole('table', { name: /組織目標と指標/ });
    expect(await table.getByRole('cell', { name: /修正: 50 → ４５/ }).textContent()).toContain(reason);
    const revised = await stored(head.page, approvedId);
    expect(revised.revisedOn).not.toBeNull();
    expect(indicatorNamed(revised, '定時退庁推進日実施率').target).toMatchObject({ text: '４５', value: 45 });

    // The head's own proposal: the API refuses, and the dialog says why.
    await proposeRevision(head.page, '協働した団体数', '25', '協働の相手が増える見込みのため。');
    await head.page.getByRole('button', { name: '協働した団体数の目標の修正の承認' }).click();
    const decision = head.page.getByRole('dialog', { name: '目標の修正の承認' });
    await decision.getByRole('button', { name: '承認する' }).click();
    await decision
      .getByRole('alert')
      .filter({ hasText: '自分が申請した目標の修正は承認できません。' })
      .waitFor();
    expect(requestsOutside([...staff.requests, ...head.requests], baseUrl)).toEqual([]);
    await head.page.context().close();
  });

  test('on a phone the save bar stays small: its note above one row, no hint hidden under it', async () => {
    const { page } = await openListEditorPage(browser, { viewport: { width: 375, height: 812 } });
    await apiSignIn(page, baseUrl, 'fukushi-staff');
    await page.goto(`${baseUrl}/sheets/${sheetId}/edit`);
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    const bar = page.locator('.save-bar');
    const height = () => bar.evaluate((el) => el.getBoundingClientRect().height);
    expect(await height()).toBeLessThanOrEqual(60);
    const purpose = page.getByLabel('組織の目的', { exact: true });
    await purpose.fill(`${await purpose.inputValue()}（確認）`);
    await bar.getByText('保存していない変更があります').waitFor();
    expect(await height()).toBeLessThanOrEqual(80);
    // The last field, focused from the keyboard, is scrolled clear of the bar.
    const last = page.locator('form textarea').last();
    await last.focus();
    const [fieldBottom, barTop] = await Promise.all([
      last.evaluate((el) => el.getBoundingClientRect().bottom),
      bar.evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(fieldBottom).toBeLessThanOrEqual(barTop);
    await page.context().close();
  });
});
