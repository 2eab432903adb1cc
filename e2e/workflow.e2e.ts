import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sheetViewSchema } from '../src/schemas/sheet-edit';
import { indicatorNamed } from '../src/server/testing/finders';
import { connectBrowser, openListEditorPage, requestsOutside } from './browser';
import { appDrawn, expectAccessible, snap } from './helpers';
import { importNextYear, runTransition, signInThroughUi, signOutThroughUi, statusBadge } from './session';
import { sharedBaseUrl } from './shared-server';

const baseUrl = sharedBaseUrl();
let browser: Browser;
let ids: Map<string, string>;

beforeAll(async () => {
  browser = await connectBrowser();
  ids = await importNextYear(browser, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

function idOf(title: string): string {
  const id = ids.get(title);
  if (!id) throw new Error(`no 令和5年度 sheet ${title}`);
  return id;
}

const users = {
  staff: ['somu-staff', '地域総務課 担当者（デモ）'],
  head: ['somu-head', '地域総務課長（デモ）'],
  planner: ['kita-kikaku', '北区 企画担当（デモ）'],
} as const;

/** Home → 新潟市 北区 令和5年度 → the sheet. */
async function openSheetFromHome(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: '部区・年度を選ぶ' }).first().click();
  await page.getByRole('link', { name: '新潟市 北区 — 令和5年度' }).click();
  await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和5年度/ }).waitFor();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
}

/** The indicator fieldsets of the edit form, in order. */
const indicatorEditors = (page: Page) => page.locator('fieldset.indicator-editor');

async function enterResults(page: Page): Promise<void> {
  const count = await indicatorEditors(page).count();
  expect(count).toBe(4);
  // The 4th indicator (定時退庁推進日実施率) is typed with full-width digits.
  const results = ['区ビジョンまちづくり計画策定', '8', '23', '４９．５'];
  const evaluations = ['達成', '達成', '達成', '未達成'];
  for (let i = 0; i < count; i++) {
    const editor = indicatorEditors(page).nth(i);
    await editor.getByLabel('R5結果').fill(results[i] ?? '');
    await editor.getByLabel('目標達成状況').fill(`目標${i + 1}の達成状況を記入しました。`);
    await editor.getByLabel('評価', { exact: true }).selectOption(evaluations[i] ?? '');
  }
  await page
    .getByLabel(/^取り組みの結果について/)
    .fill('今年度の取組を踏まえ、次年度も地域との協働を進めます。');
}

describe('a year of one sheet: results, evaluation, return, approval, confirmation, publication', () => {
  test('担当者 → 所属長 → 担当者 → 所属長 → 企画担当 → the public', async () => {
    const sheetId = idOf('地域総務課');
    const { page, requests } = await openListEditorPage(browser, { viewport: { width: 1440, height: 900 } });

    // 1. 担当者 signs in from the home page; the sign-in page checks its fields first.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'ログイン' }).waitFor();
    await expectAccessible(page, 'the sign-in page');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    const loginId = page.getByLabel('ログインID', { exact: true });
    await page.getByRole('alert').filter({ hasText: '入力内容を確認してください。' }).waitFor();
    expect(await loginId.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#sign-in-login-id-error').textContent()).toContain(
      'ログインIDを入力してください',
    );
    await loginId.fill('somu-staff');
    await page.getByLabel('パスワード', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'ログインIDまたはパスワードが正しくありません。' })
      .waitFor();
    expect(await page.getByLabel('パスワード', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await snap(page, 'sign-in-error');
    await expectAccessible(page, 'the sign-in page with errors');
    await page.getByLabel('パスワード', { exact: true }).fill('mokuhyo-demo');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByText(users.staff[1], { exact: true }).waitFor();
    // From the public start page, 担当者 land on their ホーム: their sheet and its deadline.
    expect(new URL(page.url()).pathname).toBe('/home');
    const mine = page.getByRole('region', { name: '自分の組織のシート' });
    await mine.getByRole('link', { name: '地域総務課（北区 令和5年度）' }).waitFor();
    await expectAccessible(page, 'the home of a 担当者');

    // 2. The approved sheet: 編集 and 評価を提出 are offered, 承認 is not.
    await openSheetFromHome(page, '地域総務課');
    expect(await statusBadge(page)).toBe('承認済み（修正・実績入力）');
    expect(await page.getByRole('button', { name: '評価を提出', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: '承認', exact: true }).count()).toBe(0);
    await expectAccessible(page, 'the sheet page of 担当者');

    // 3. Results, achievements, evaluations and the outcome; the target stays read-only.
    await page.getByRole('link', { name: '編集', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    expect(await indicatorEditors(page).first().getByLabel('R5目標').getAttribute('readonly')).not.toBeNull();
    await enterResults(page);
    const overtime = indicatorEditors(page).nth(3);
    expect(await overtime.locator('.form-field__note').last().textContent()).toBe('数値：49.5');
    await snap(page, 'edit-results', true);
    await expectAccessible(page, 'the edit page');
    // 49.5 of 50 is 一部未達成 by the city's rule: 未達成 is kept; its reason can wait for the submission.
    const reasonField = overtime.getByLabel(/^評価の理由/);
    expect(
      await overtime.getByText('評価を提出するまでに理由を入力してください', { exact: false }).count(),
    ).toBe(1);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sheets/${sheetId}`);
    const table = page.getByRole('table', { name: /組織目標と指標/ });
    await table.getByRole('cell', { name: '４９．５', exact: true }).waitFor();

    // The submission asks for the reason, and links to its field in the editor.
    await page.getByRole('button', { name: '評価を提出', exact: true }).click();
    const submitDialog = page.getByRole('dialog', { name: '評価を提出' });
    await submitDialog.getByRole('button', { name: '評価を提出する' }).click();
    const summary = submitDialog
      .getByRole('alert')
      .filter({ hasText: '評価を提出する前に、次の項目（1件）を入力してください。' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('目安「一部未達成」');
    await snap(page, 'edit-reason-error');
    await expectAccessible(page, 'the 評価を提出 dialog asking for a reason');
    await summary.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    await expect.poll(() => reasonField.evaluate((el) => el === document.activeElement)).toBe(true);
    await reasonField.fill('選挙事務が重なり、目標にわずかに届かなかったため未達成としました。');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sheets/${sheetId}`);

    // 4. 評価を提出, in its dialog.
    await page.getByRole('button', { name: '評価を提出', exact: true }).click();
    await page.getByRole('dialog', { name: '評価を提出' }).waitFor();
    await snap(page, 'dialog-submit-evaluation');
    await expectAccessible(page, 'the 評価を提出 dialog');
    await page.getByRole('button', { name: '評価を提出する' }).click();
    await page.getByRole('status').filter({ hasText: '評価を提出しました。' }).waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(await statusBadge(page)).toBe('評価提出済み（所属長確認待ち）');
    // The button is gone: focus moves to the result message.
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'status');
    expect(await page.getByRole('link', { name: '編集', exact: true }).count()).toBe(0);
    await signOutThroughUi(page);

    // 5. The sheet is not public: the visitor gets not-found, signs in there and comes back.
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await page.getByRole('link', { name: 'ログイン', exact: true }).click();
    await page.getByLabel('ログインID', { exact: true }).fill(users.head[0]);
    await page.getByLabel('パスワード', { exact: true }).fill('mokuhyo-demo');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/sheets/${sheetId}`);

    // 6. 所属長 returns it: the reason is required, Esc closes the dialog, focus returns.
    const returnButton = page.getByRole('button', { name: '差戻し', exact: true });
    await returnButton.click();
    const dialog = page.getByRole('dialog', { name: '差戻し' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: '差し戻す' }).click();
    const reason = dialog.getByLabel(/差戻しの理由/);
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('#transition-comment-error').textContent()).toContain('入力してください');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    await snap(page, 'dialog-return-error');
    await expectAccessible(page, 'the 差戻し dialog with an error');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await returnButton.evaluate((el) => el === document.activeElement)).toBe(true);
    const comment = '定時退庁推進日実施率の目標達成状況に、未達成の理由を書いてください。';
    await runTransition(page, '差戻し', comment);
    expect(await statusBadge(page)).toBe('承認済み（修正・実績入力）');
    await signOutThroughUi(page);

    // 7. 担当者 sees the comment, fixes the field, saves and submits again.
    await signInThroughUi(page, ...users.staff);
    await openSheetFromHome(page, '地域総務課');
    const notice = page.getByRole('region', { name: '差し戻されています' });
    expect(await notice.textContent()).toContain(comment);
    expect(await notice.textContent()).toContain(users.head[1]);
    await page.getByRole('link', { name: '編集', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /組織目標管理シートの編集/ }).waitFor();
    expect(await page.getByRole('region', { name: '差し戻されています' }).textContent()).toContain(comment);
    const fixed = '選挙事務の影響で49.5％にとどまり、未達成でした。';
    await indicatorEditors(page).nth(3).getByLabel('目標達成状況').fill(fixed);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '保存しました。' }).waitFor();
    await table.getByRole('cell', { name: fixed, exact: true }).waitFor();
    await runTransition(page, '評価を提出');
    await signOutThroughUi(page);

    // 8. 所属長 approves the evaluation.
    await signInThroughUi(page, ...users.head);
    await page.goto(`${baseUrl}/sheets/${sheetId}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: /^組織目標管理シート/ }).waitFor();
    await runTransition(page, '評価を承認');
    expect(await statusBadge(page)).toBe('評価承認済み（企画担当確認待ち）');
    await signOutThroughUi(page);

    // 9. 企画担当 confirms and publishes, then reads the history and the 評価時 snapshot.
    await signInThroughUi(page, ...users.planner);
    await openSheetFromHome(page, '地域総務課');
    await runTransition(page, '評価を確定');
    expect(await statusBadge(page)).toBe('評価確定');
    await runTransition(page, '公開');
    expect(await statusBadge(page)).toBe('公開');
    await page.getByRole('link', { name: '履歴', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /変更の履歴/ }).waitFor();
    const entries = page.getByRole('list', { name: '変更の履歴（新しい順）' }).getByRole('article');
    expect(await entries.first().getByRole('heading').textContent()).toContain('公開');
    const returned = entries.filter({ has: page.getByRole('heading', { name: /^差戻し/ }) });
    expect(await returned.textContent()).toContain(comment);
    const edit = entries.filter({ hasText: fixed }).first();
    expect(await edit.locator('ins').filter({ hasText: fixed }).count()).toBe(1);
    expect(await edit.locator('del').first().textContent()).toContain('変更前：');
    await snap(page, 'history');
    await expectAccessible(page, 'the history page');
    await page.getByRole('link', { name: '評価時のシート' }).click();
    await page.getByRole('heading', { level: 1, name: /評価時の記録/ }).waitFor();
    await page.getByText(/これは評価時（版 \d+）のシートです。現在の内容ではありません。/).waitFor();
    await page.getByRole('cell', { name: '４９．５', exact: true }).waitFor();
    await snap(page, 'snapshot');
    await expectAccessible(page, 'the 評価時 snapshot');
    await signOutThroughUi(page);

    // 10. The public sees the published sheet with its values, and nothing of the 下書き.
    await openSheetFromHome(page, '地域総務課');
    expect(await statusBadge(page)).toBe('公開');
    await table.getByRole('cell', { name: '４９．５', exact: true }).waitFor();
    await table.getByRole('cell', { name: fixed, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '編集' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '履歴' }).count()).toBe(0);
    await expectAccessible(page, 'the published sheet');
    await page.getByRole('link', { name: '新潟市 北区 令和5年度' }).click();
    await page.getByRole('heading', { level: 1, name: /新潟市 北区 令和5年度/ }).waitFor();
    const list = page.locator('.overview-sheets');
    expect(await list.getByRole('link', { name: '地域総務課', exact: true }).count()).toBe(1);
    expect(await list.getByRole('link', { name: '健康福祉課' }).count()).toBe(0);
    await page.goto(`${baseUrl}/sheets/${idOf('健康福祉課')}`);
    await appDrawn(page);
    await page.getByRole('heading', { level: 1, name: 'ページが見つかりません' }).waitFor();
    await expectAccessible(page, 'the not-found page of a 下書き');

    // 11. What the API now holds, read as the public.
    const published = sheetViewSchema.parse(
      await (await fetch(`${baseUrl}/api/v1/sheets/${sheetId}`)).json(),
    );
    const indicators = published.goals.flatMap((g) => g.indicators);
    expect(indicators.map((i) => i.evaluation)).toEqual(['達成', '達成', '達成', '未達成']);
    expect(indicatorNamed(published, '定時退庁推進日実施率').result).toMatchObject({
      text: '４９．５',
      value: 49.5,
    });
    expect(published.evaluatedOn).not.toBeNull();
    expect(requestsOutside(requests, baseUrl)).toEqual([]);
    await page.context().close();
  });
});
