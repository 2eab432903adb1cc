import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProgressBoard, progressBoardSchema } from '../../../schemas/progress';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearDeadlines, nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let planner: TestClient;
const kita = encodeURIComponent('北区');

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const res = await planner.send('PUT', '/api/v1/deadlines', nextYearDeadlines);
  expect(res.status, await res.clone().text()).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function board(client: TestClient, query = `fiscalYear=2023&ward=${kita}`): Promise<ProgressBoard> {
  const res = await client.get(`/api/v1/progress?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  return progressBoardSchema.parse(await res.json());
}

const rowTitled = (b: ProgressBoard, title: string) => {
  const row = b.rows.find((r) => r.title === title);
  if (!row) throw new Error(`no row ${title}`);
  return row;
};

describe('進捗管理表', () => {
  it('gives each sheet its phase, the deadline it works towards, its people and its last change', async () => {
    const b = await board(planner);
    expect(b).toMatchObject({ municipality: '新潟市', ward: '北区', fiscalYear: 2023 });
    expect(b.rows).toHaveLength(8);
    expect(b.totals).toMatchObject({
      sheets: 8,
      overdue: 2,
      phases: { plan: 1, revision: 1, evaluation: 0, done: 6 },
    });
    const somu = rowTitled(b, '地域総務課');
    expect(somu).toMatchObject({
      phase: 'revision',
      deadline: '2023-10-31',
      overdue: 'evaluation',
      responsible: ['地域総務課 担当者（デモ）'],
      heads: ['地域総務課長（デモ）'],
      lastChange: { by: '管理者（デモ）', what: '取り込み' },
      returned: null,
    });
    expect(rowTitled(b, '健康福祉課')).toMatchObject({
      phase: 'plan',
      deadline: '2023-04-28',
      overdue: 'plan',
    });
    const museum = rowTitled(b, '北区郷土博物館');
    expect(museum).toMatchObject({
      phase: 'done',
      deadline: null,
      overdue: null,
      responsible: [],
      heads: [],
    });
    // The same order as the 部区's list, and the same counts.
    const list = wardYearSheetsSchema.parse(
      await (await planner.get(`/api/v1/sheets?fiscalYear=2023&ward=${kita}`)).json(),
    );
    expect(b.rows.map((r) => r.id)).toEqual(list.sheets.map((s) => s.id));
    expect(b.totals.evaluations).toEqual(list.totals.evaluations);
  });

  it('shows a 差戻し with its comment and who made it until the sheet moves on', async () => {
    const staff = await t.as('fukushi-staff');
    const head = await t.as('fukushi-head');
    const id = rowTitled(await board(planner), '健康福祉課').id;
    const version = async () =>
      ((await (await staff.get(`/api/v1/sheets/${id}`)).json()) as { version: number }).version;
    let res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submit',
      version: await version(),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    res = await head.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'return',
      version: await version(),
      comment: '目標2の指標を見直してください。',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const returned = rowTitled(await board(planner), '健康福祉課');
    expect(returned).toMatchObject({
      status: 'draft',
      lastChange: { by: '健康福祉課長（デモ）', what: '差戻し' },
      returned: { by: '健康福祉課長（デモ）', comment: '目標2の指標を見直してください。' },
    });
    res = await staff.send('POST', `/api/v1/sheets/${id}/transitions`, {
      transition: 'submit',
      version: await version(),
    });
    expect(res.status).toBe(200);
    expect(rowTitled(await board(planner), '健康福祉課')).toMatchObject({
      status: 'submitted',
      returned: null,
      lastChange: { by: '健康福祉課 担当者（デモ）', what: '提出' },
    });
  });

  it('covers every 部区 of the municipality for 管理者 and 閲覧者, and refuses others with a reason', async () => {
    for (const login of ['admin', 'viewer']) {
      const all = await board(await t.as(login), 'fiscalYear=2023');
      expect(all.ward).toBeNull();
      expect(all.rows.every((r) => r.ward === '北区')).toBe(true);
      expect(all.rows).toHaveLength(8);
    }
    const res = await planner.get('/api/v1/progress?fiscalYear=2023');
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('全部区の進捗管理表を見られるのは閲覧者・管理者です。');
    const staff = await (await t.as('somu-staff')).get(`/api/v1/progress?fiscalYear=2023&ward=${kita}`);
    expect(staff.status).toBe(403);
    expect((await staff.json()).error.message).toMatch(
      /北区の進捗管理表を見る権限がありません。見られるのは.*企画担当/,
    );
    expect((await t.public.get(`/api/v1/progress?fiscalYear=2023&ward=${kita}`)).status).toBe(401);
  });

  it('says which parameter is wrong, in Japanese', async () => {
    for (const [query, path] of [
      [`fiscalYear=2023&ward=${kita}&phase=soon`, 'phase'],
      [`fiscalYear=2023&ward=${kita}&sort=size`, 'sort'],
      [`fiscalYear=2023&ward=${kita}&overdue=yes`, 'overdue'],
      [`fiscalYear=令和百年&ward=${kita}`, 'fiscalYear'],
    ] as const) {
      const res = await planner.get(`/api/v1/progress/csv?${query}`);
      expect(res.status, query).toBe(400);
      const { error } = await res.json();
      expect(error.issues.map((i: { path: string }) => i.path)).toEqual([path]);
      expect(error.issues[0].message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  it('gives the board as CSV, filtered and sorted as the page shows it', async () => {
    let res = await planner.get(`/api/v1/progress/csv?fiscalYear=2023&ward=${kita}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('令和5年度_新潟市北区_進捗管理表.csv'),
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(
      text.startsWith(
        '\uFEFF部区,組織名（部）,組織名（準部・課・機関名）,段階,状態,期限,期限超過,担当者,所属長,',
      ),
    ).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(9);

    res = await planner.get(
      `/api/v1/progress/csv?fiscalYear=2023&ward=${kita}&overdue=true&sort=phase&descending=true`,
    );
    const lines = (await res.text()).split('\r\n').filter(Boolean).slice(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^北区,地域総務課,,修正・実績入力,承認済み（修正・実績入力）,2023-10-31,超過,地域総務課 担当者（デモ）,地域総務課長（デモ）,管理者（デモ）,20\d\d-\d\d-\d\d \d\d:\d\d,取り込み,,/,
    );
    expect(lines[1]).toMatch(/,健康福祉課,,作成,提出済み（承認待ち）,2023-04-28,超過,/);

    res = await planner.get(
      `/api/v1/progress/csv?fiscalYear=2023&ward=${kita}&words=${encodeURIComponent('福祉　デモ')}`,
    );
    expect((await res.text()).split('\r\n').filter(Boolean)).toHaveLength(2);
  });
});
