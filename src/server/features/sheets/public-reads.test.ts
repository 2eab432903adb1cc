import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardSchema, wardYearSheetsSchema } from '../../../schemas/sheet';
import { sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { todayInJapan } from '../../clock';
import { indicatorNamed } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { listWardYears } from '../organizations/list-wards';
import { loadWardYearContent, presentWardSheets } from './list-ward-sheets';

/**
 * The public's reads (one sheet, a 部区's year list, the wards list) are served from the cache:
 * the same bytes as a fresh reading, 304 on a matching ETag, and dropped by every write that
 * changes them. On PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
let t: TestApp;
let planner: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
  admin = await t.as('admin');
});
afterAll(async () => {
  await t.close();
});

const kita = (year: number) => `/api/v1/sheets?fiscalYear=${year}&ward=${encodeURIComponent('北区')}`;
const fresh = async (year: number) =>
  presentWardSheets(
    await loadWardYearContent(t.database.db, { ward: '北区', fiscalYear: year }),
    null,
    todayInJapan(),
  );
const publicList = async (year: number) =>
  wardYearSheetsSchema.parse(await (await t.public.get(kita(year))).json());

async function expect304(path: string): Promise<string> {
  const first = await t.public.get(path);
  expect(first.status).toBe(200);
  const etag = first.headers.get('etag');
  expect(etag).toMatch(/^".+"$/);
  expect(first.headers.get('cache-control')).toBe('no-cache');
  const again = await t.public.request(path, { headers: { 'if-none-match': `W/${etag}, "other"` } });
  expect(again.status).toBe(304);
  expect(await again.text()).toBe('');
  const other = await t.public.request(path, { headers: { 'if-none-match': '"other"' } });
  expect(other.status).toBe(200);
  expect(await other.text()).toBe(await first.text());
  return etag ?? '';
}

async function transition(client: TestClient, id: string, move: string, comment?: string) {
  const sheet = sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${id}`)).json());
  const res = await client.send('POST', `/api/v1/sheets/${id}/transitions`, {
    transition: move,
    version: sheet.version,
    ...(comment ? { comment } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('what the public reads, cached', () => {
  it('a 部区 list: the cached bytes are a fresh reading, and a matching ETag gets 304', async () => {
    const first = await t.public.get(kita(2022));
    expect(await first.json()).toEqual(await fresh(2022));
    const second = await t.public.get(kita(2022));
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.json()).toEqual(await fresh(2022));
    await expect304(kita(2022));
  });

  it('the wards list: the cached bytes are a fresh reading, and a matching ETag gets 304', async () => {
    const res = await t.public.get('/api/v1/wards');
    expect(wardSchema.array().parse(await res.json())).toEqual(await listWardYears(t.database.db));
    await expect304('/api/v1/wards');
  });

  it('one sheet: 304 on a matching ETag', async () => {
    const [sheet] = (await publicList(2022)).sheets;
    await expect304(`/api/v1/sheets/${sheet?.id}`);
  });

  it('a signed-in user gets their own list, never the shared one', async () => {
    await t.public.get(kita(2022));
    const res = await admin.get(kita(2022));
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
    const wards = await admin.get('/api/v1/wards');
    expect(wards.headers.get('cache-control')).toBe('private, no-store');
  });

  it('a transition (reopen), saves and publishing drop the cached list and the sheet', async () => {
    const before = await publicList(2022);
    const target = before.sheets.find((s) => s.title === '地域総務課');
    if (!target) throw new Error('no 地域総務課 in the public list');
    await t.public.get(`/api/v1/sheets/${target.id}`);

    await transition(planner, target.id, 'reopen', '評価をやり直します');
    const reopened = await publicList(2022);
    expect(reopened.sheets.map((s) => s.id)).not.toContain(target.id);
    expect(reopened).toEqual(await fresh(2022));
    expect((await t.public.get(`/api/v1/sheets/${target.id}`)).status).toBe(404);
    // The signed-in still see it, as it is now.
    const staffList = wardYearSheetsSchema.parse(await (await admin.get(kita(2022))).json());
    expect(staffList.sheets.find((s) => s.id === target.id)?.status).toBe('approved');

    const staff = await t.as('somu-staff');
    const sheet = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${target.id}`)).json());
    const outcome = `やり直した評価を踏まえた成果 ${Date.now()}`;
    const document = { ...toSheetDocument(sheet), outcome };
    // Submitted again through the app, the city's 未達成 at 96.4 % needs its reason.
    indicatorNamed(document, '定時退庁推進日実施率').evaluationReason = '定時退庁の徹底が不十分だったため';
    const saved = await staff.send('PUT', `/api/v1/sheets/${target.id}`, {
      version: sheet.version,
      document,
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    await transition(staff, target.id, 'submitEvaluation');
    await transition(await t.as('somu-head'), target.id, 'approveEvaluation');
    await transition(planner, target.id, 'confirmEvaluation');
    await transition(planner, target.id, 'publish');
    const republished = await publicList(2022);
    expect(republished.sheets.map((s) => s.id)).toContain(target.id);
    expect(republished).toEqual(await fresh(2022));
    const shown = await t.public.get(`/api/v1/sheets/${target.id}`);
    expect(shown.status).toBe(200);
    expect(sheetViewSchema.parse(await shown.json()).outcome).toBe(outcome);
  });

  it("an import of a new year shows in the wards list and the year's list", async () => {
    await t.public.get('/api/v1/wards');
    const res = await importThroughApi(admin, nextYearFixture());
    expect(res.status, await res.clone().text()).toBe(200);
    await expect
      .poll(async () => (await (await t.public.get('/api/v1/wards')).json())[0]?.fiscalYears)
      .toEqual([2023, 2022]);
    expect(await (await t.public.get('/api/v1/wards')).json()).toEqual(await listWardYears(t.database.db));
    await expect.poll(async () => await publicList(2023)).toEqual(await fresh(2023));
  });

  it("a 部区 year's deadlines drop its cached list", async () => {
    await publicList(2022);
    const res = await planner.send('PUT', '/api/v1/deadlines', {
      ward: '北区',
      fiscalYear: 2022,
      deadlines: { plan: '2022-05-31', revision: null, evaluation: null },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await expect.poll(async () => (await publicList(2022)).deadlines.plan).toBe('2022-05-31');
    expect(await publicList(2022)).toEqual(await fresh(2022));
  });
});
