import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { indicatorNamed } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
});
afterAll(async () => {
  await t.close();
});

async function sheetId(title: string, client: TestClient = admin): Promise<string> {
  const res = await client.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`);
  const list = wardYearSheetsSchema.parse(await res.json());
  const found = list.sheets.find((s) => s.title === title);
  if (!found) throw new Error(`no sheet ${title}`);
  return found.id;
}

async function view(client: TestClient, id: string): Promise<SheetView> {
  const res = await client.get(`/api/v1/sheets/${id}`);
  expect(res.status).toBe(200);
  return sheetViewSchema.parse(await res.json());
}

describe('the year of a sheet, through the API', () => {
  it('imports next year as 管理者', async () => {
    const res = await importThroughApi(admin, nextYearFixture());
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('担当者 enters results, submits; 所属長 returns; 担当者 fixes; 所属長 approves; 企画担当 confirms and publishes', async () => {
    const staff = await t.as('somu-staff');
    const head = await t.as('somu-head');
    const planner = await t.as('kita-kikaku');
    const id = await sheetId('地域総務課', staff);

    let sheet = await view(staff, id);
    expect(sheet.status).toBe('approved');
    expect(sheet.permissions).toMatchObject({
      edit: true,
      submitEvaluation: true,
      approveEvaluation: false,
      publish: false,
    });
    expect(indicatorNamed(sheet, '定時退庁推進日実施率').actuals.map((a) => a.text)).toEqual([
      '85.9',
      '77',
      '48.2',
    ]);

    const doc = toSheetDocument(sheet);
    for (const goal of doc.goals) {
      for (const ind of goal.indicators) {
        ind.result = { text: '１２' };
        ind.evaluation = '達成';
        ind.achievement = '計画どおり実施しました。';
      }
    }
    doc.outcome = '今年度の結果を踏まえ、次年度も継続します。';
    // 12 against a target of 50 is not 達成 by the rule: the draft saves as it is, but the
    // evaluation is not submitted until each such judgement has its reason.
    let res = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: sheet.version, document: doc });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);
    expect(indicatorNamed(sheet, '避難所運営組織数').result).toMatchObject({ text: '１２', value: 12 });
    res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submitEvaluation',
      version: sheet.version,
    });
    expect(res.status).toBe(400);
    const refused = (await res.json()).error;
    expect(refused.message).toMatch(/^評価を提出する前に、次の項目（\d+件）を入力してください。$/);
    expect(refused.issues).toContainEqual({
      path: 'goals[3].indicators[0].evaluationReason',
      message: expect.stringMatching(
        /^目標4「.+」の評価「達成」は基準による目安「未達成」（結果÷目標 = 24％/,
      ),
    });
    expect((await view(staff, id)).status).toBe('approved');
    for (const issue of refused.issues as { path: string }[]) {
      const [, g, i] = /goals\[(\d+)\]\.indicators\[(\d+)\]/.exec(issue.path) ?? [];
      const ind = doc.goals[Number(g)]?.indicators[Number(i)];
      if (ind) ind.evaluationReason = '数値以外の成果を踏まえて判断しました。';
    }
    res = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: sheet.version, document: doc });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);

    res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submitEvaluation',
      version: sheet.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = await view(head, id);
    expect(sheet.status).toBe('evaluation_submitted');

    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'return',
      version: sheet.version,
    });
    expect(res.status).toBe(400);
    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'return',
      version: sheet.version,
      comment: '目標4の達成状況を具体的に書いてください。',
    });
    expect(res.status).toBe(200);
    sheet = await view(staff, id);
    expect(sheet.status).toBe('approved');
    expect(sheet.workflow?.lastReturn?.comment).toBe('目標4の達成状況を具体的に書いてください。');

    const fixed = toSheetDocument(sheet);
    const g4 = indicatorNamed(fixed, '定時退庁推進日実施率');
    g4.achievement = '実施率は48.2%でした。';
    g4.evaluation = '未達成';
    g4.evaluationReason = null;
    res = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: sheet.version, document: fixed });
    expect(res.status).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);
    res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submitEvaluation',
      version: sheet.version,
    });
    expect(res.status).toBe(200);

    sheet = await view(head, id);
    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'approveEvaluation',
      version: sheet.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = await view(planner, id);
    expect(sheet.permissions).toMatchObject({ confirmEvaluation: true, publish: false, edit: false });
    res = await planner.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'confirmEvaluation',
      version: sheet.version,
    });
    expect(res.status).toBe(200);
    sheet = await view(planner, id);
    expect(sheet.evaluatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await t.public.get(`/api/v1/sheets/${id}`)).status).toBe(404);
    res = await planner.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'publish',
      version: sheet.version,
    });
    expect(res.status).toBe(200);

    const published = await view(t.public, id);
    expect(published.status).toBe('published');
    expect(indicatorNamed(published, '定時退庁推進日実施率').evaluation).toBe('未達成');

    const history = await (await staff.get(`/api/v1/sheets/${id}/history`)).json();
    expect(
      history.entries.map((e: { action: string | null; kind: string }) => e.action ?? e.kind).reverse(),
    ).toEqual([
      'import',
      'edit',
      'edit',
      'submitEvaluation',
      'return',
      'edit',
      'submitEvaluation',
      'approveEvaluation',
      'confirmEvaluation',
      'publish',
    ]);
    expect(history.snapshots.map((s: { stage: string }) => s.stage)).toEqual(['evaluation']);
  });

  it('a draft is planned, submitted and approved by another head; approval sets 作成日 and the 作成 snapshot', async () => {
    const staff = await t.as('fukushi-staff');
    const head = await t.as('fukushi-head');
    const id = await sheetId('健康福祉課', staff);
    let sheet = await view(staff, id);
    expect(sheet.status).toBe('draft');
    const doc = toSheetDocument(sheet);
    doc.goals.push({ parentNo: 3, text: '新しい目標', initiatives: ['取組A'], indicators: [] });
    let res = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: sheet.version, document: doc });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);
    expect(sheet.goals).toHaveLength(7);

    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submit',
      version: sheet.version,
    });
    expect(res.status).toBe(200);
    sheet = await view(head, id);
    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'approve',
      version: sheet.version,
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/自分が提出/);

    res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'return',
      version: sheet.version,
      comment: 'x',
    });
    expect(res.status).toBe(403);
  });

  it('the public and other organizations do not see a draft', async () => {
    const id = await sheetId('健康福祉課');
    expect((await t.public.get(`/api/v1/sheets/${id}`)).status).toBe(404);
    expect((await (await t.as('somu-staff')).get(`/api/v1/sheets/${id}`)).status).toBe(404);
    const list = wardYearSheetsSchema.parse(
      await (await t.public.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)).json(),
    );
    expect(list.sheets.map((s) => s.title)).not.toContain('健康福祉課');
    const exported = await (
      await t.public.get(`/api/v1/export?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)
    ).json();
    expect(exported.sheets.map((s: { department: string }) => s.department)).not.toContain('健康福祉課');
  });
});
