import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Home, homeSchema } from '../../../schemas/home';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const planner = await t.as('kita-kikaku');
  const res = await planner.send('PUT', '/api/v1/deadlines', {
    ward: '北区',
    fiscalYear: 2023,
    deadlines: { plan: '2023-04-28', revision: '2023-10-31', evaluation: null },
  });
  expect(res.status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function home(login: string): Promise<Home> {
  const res = await (await t.as(login)).get('/api/v1/home');
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  return homeSchema.parse(await res.json());
}

async function sheetOf(client: TestClient, title: string) {
  const list = wardYearSheetsSchema.parse(
    await (await client.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)).json(),
  );
  const id = list.sheets.find((s) => s.title === title)?.id;
  if (!id) throw new Error(title);
  return sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${id}`)).json());
}

describe('ホーム', () => {
  it('gives 担当者 their organization’s open sheet with the deadline ahead, and nothing to decide', async () => {
    const mine = await home('somu-staff');
    expect(mine.mySheets).toEqual([
      expect.objectContaining({
        title: '地域総務課',
        ward: '北区',
        fiscalYear: 2023,
        status: 'approved',
        phase: 'revision',
        deadline: '2023-10-31',
        overdue: null,
        returned: null,
        openComments: 0,
      }),
    ]);
    expect(mine.awaiting).toEqual([]);
    expect(mine.wards).toEqual([]);
  });

  it('puts a submission and a target revision before the 所属長 who may decide them, not before their author', async () => {
    const staff = await t.as('somu-staff');
    const sheet = await sheetOf(staff, '地域総務課');
    const indicator = sheet.goals.flatMap((g) => g.indicators)[0];
    const res = await staff.send('POST', `/api/v1/sheets/${sheet.id}/revisions`, {
      version: sheet.version,
      indicatorId: indicator?.indicatorId,
      to: { text: '60' },
      reason: '事業の前倒しのため',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const head = await home('somu-head');
    expect(head.awaiting).toEqual([
      expect.objectContaining({
        kind: 'revision',
        title: '地域総務課',
        fiscalYear: 2023,
        indicator: indicator?.name,
        asked: expect.objectContaining({ by: '地域総務課 担当者（デモ）' }),
      }),
    ]);
    expect((await home('somu-staff')).awaiting).toEqual([]);
    expect((await home('fukushi-head')).awaiting).toEqual([]);

    const fukushiStaff = await t.as('fukushi-staff');
    const fukushi = await sheetOf(fukushiStaff, '健康福祉課');
    const submitted = await fukushiStaff.send('POST', `/api/v1/sheets/${fukushi.id}/transitions`, {
      transition: 'submit',
      version: fukushi.version,
    });
    expect(submitted.status).toBe(200);
    expect((await home('fukushi-head')).awaiting).toEqual([
      expect.objectContaining({
        kind: 'approve',
        sheetId: fukushi.id,
        asked: expect.objectContaining({ by: '健康福祉課 担当者（デモ）' }),
      }),
    ]);
    expect((await home('fukushi-staff')).awaiting).toEqual([]);
  });

  it('shows 担当者 what was returned and why, overdue first', async () => {
    const head = await t.as('fukushi-head');
    const sheet = await sheetOf(head, '健康福祉課');
    const res = await head.send('POST', `/api/v1/sheets/${sheet.id}/transitions`, {
      transition: 'return',
      version: sheet.version,
      comment: '目標2の指標を見直してください。',
    });
    expect(res.status).toBe(200);
    const [first] = (await home('fukushi-staff')).mySheets;
    expect(first).toMatchObject({
      title: '健康福祉課',
      status: 'draft',
      overdue: 'plan',
      deadline: '2023-04-28',
      returned: { by: '健康福祉課長（デモ）', comment: '目標2の指標を見直してください。' },
    });
    expect((await home('fukushi-head')).awaiting).toEqual([]);
  });

  it('gives the 企画担当 their 部区 and 管理者・閲覧者 every 部区, each with its latest year', async () => {
    for (const login of ['kita-kikaku', 'admin', 'viewer']) {
      const { wards, mySheets } = await home(login);
      expect(mySheets, login).toEqual([]);
      expect(wards, login).toEqual([
        {
          ward: '北区',
          municipality: '新潟市',
          fiscalYear: 2023,
          totals: expect.objectContaining({
            sheets: 8,
            overdue: 1,
            phases: { plan: 1, revision: 1, evaluation: 0, done: 6 },
          }),
          toConfirm: 0,
          toPublish: 0,
        },
      ]);
    }
  });

  it('counts the コメント still open on the organization’s sheets', async () => {
    const planner = await t.as('kita-kikaku');
    const sheet = await sheetOf(planner, '地域総務課');
    const res = await planner.send('POST', `/api/v1/sheets/${sheet.id}/comments`, {
      subject: 'sheet',
      body: '実績の入力予定を教えてください。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [mine] = (await home('somu-head')).mySheets;
    expect(mine).toMatchObject({ title: '地域総務課', openComments: 1 });
    const [thread] = (await res.json()).threads;
    await planner.send('POST', `/api/v1/comment-threads/${thread.id}/resolution`, { resolved: true });
    expect((await home('somu-head')).mySheets[0]?.openComments).toBe(0);
  });

  it('is for signed-in staff only', async () => {
    const res = await t.public.get('/api/v1/home');
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toBe('ホームを表示するにはログインしてください。');
  });
});
