import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../exports/pdf/poppler';
import { readWardYearWorkbook } from '../../../imports/xlsx';
import type { WardYearFile } from '../../../schemas/interchange';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { todayInJapan } from '../../clock';
import { indicatorNamed, sheetFileTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/**
 * 作成日・修正日・評価日 are the sheet's official dates: the municipality's nominal dates, the
 * 部区's dates for a year, a sheet's own — stamped by the phases, never today's date.
 */

let t: TestApp;
let admin: TestClient;
let planner: TestClient;
const ward = encodeURIComponent('北区');

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  planner = await t.as('kita-kikaku');
  const file = nextYearFixture();
  for (const sheet of file.sheets) {
    sheet.createdOn = sheet.status === 'draft' ? null : '2023-04-01';
  }
  // 北区郷土博物館: its evaluation approved by the head, waiting for the 企画担当 to confirm.
  const museum = sheetFileTitled(file, '北区郷土博物館');
  museum.status = 'evaluation_approved';
  const res = await importThroughApi(admin, file);
  expect(res.status, await res.clone().text()).toBe(200);
});
afterAll(async () => {
  await t.close();
});

async function list(client: TestClient = planner, year = 2023) {
  const res = await client.get(`/api/v1/sheets?fiscalYear=${year}&ward=${ward}`);
  expect(res.status).toBe(200);
  return wardYearSheetsSchema.parse(await res.json());
}

async function sheetId(title: string, year = 2023): Promise<string> {
  const found = (await list(planner, year)).sheets.find((s) => s.title === title);
  if (!found) throw new Error(`no sheet ${title}`);
  return found.id;
}

async function view(client: TestClient, id: string): Promise<SheetView> {
  const res = await client.get(`/api/v1/sheets/${id}`);
  expect(res.status).toBe(200);
  return sheetViewSchema.parse(await res.json());
}

async function move(client: TestClient, id: string, transition: string) {
  const sheet = await view(client, id);
  const res = await client.send('POST', `/api/v1/sheets/${id}/transitions`, {
    transition,
    version: sheet.version,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

interface Entry {
  kind: string;
  action: string | null;
  actor: string;
  at: string;
  comment: string | null;
  changes: { path: string; label: string; before: string | null; after: string | null }[];
}
async function history(id: string): Promise<Entry[]> {
  return (await (await planner.get(`/api/v1/sheets/${id}/history`)).json()).entries;
}

const wardYearDates = (dates: Record<string, string | null>, fiscalYear = 2023) =>
  planner.send('PUT', '/api/v1/ward-year-dates', { ward: '北区', fiscalYear, dates });

describe("the municipality's nominal dates", () => {
  it('are 4月1日 / 10月1日 / 3月31日 until set, and readable by anyone signed in', async () => {
    for (const login of ['viewer', 'somu-staff', 'kita-kikaku']) {
      const res = await (await t.as(login)).get('/api/v1/nominal-dates');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ createdOn: '04-01', revisedOn: '10-01', evaluatedOn: '03-31' });
    }
    expect((await t.public.get('/api/v1/nominal-dates')).status).toBe(401);
    const year = await list();
    expect(year.dates).toEqual({ createdOn: null, revisedOn: null, evaluatedOn: null });
    // 3月31日 of 令和5年度 falls in 2024.
    expect(year.officialDates).toEqual({
      createdOn: '2023-04-01',
      revisedOn: '2023-10-01',
      evaluatedOn: '2024-03-31',
    });
  });

  it('are changed by the 管理者 only, with dates that exist every year and follow the fiscal year', async () => {
    const dates = { createdOn: '04-01', revisedOn: '10-01', evaluatedOn: '03-31' };
    for (const login of ['kita-kikaku', 'somu-head', 'viewer']) {
      const res = await (await t.as(login)).send('PUT', '/api/v1/nominal-dates', dates);
      expect(res.status, login).toBe(403);
    }
    const bad = async (body: unknown, path: string) => {
      const res = await admin.send('PUT', '/api/v1/nominal-dates', body);
      expect(res.status).toBe(400);
      const error = (await res.json()).error;
      expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
      return error.issues.find((i: { path: string }) => i.path === path).message as string;
    };
    expect(await bad({ ...dates, createdOn: '02-30' }, 'createdOn')).toMatch(/2月30日という日付はありません/);
    expect(await bad({ ...dates, evaluatedOn: '02-29' }, 'evaluatedOn')).toMatch(/うるう年/);
    expect(await bad({ ...dates, revisedOn: '13-01' }, 'revisedOn')).toMatch(/13月/);
    expect(await bad({ ...dates, revisedOn: '2023-10-01' }, 'revisedOn')).toMatch(/MM-DD/);
    // 修正 before 作成 within the year (April first) is refused; 3月31日 after 10月1日 is fine.
    expect(await bad({ ...dates, createdOn: '11-01' }, 'revisedOn')).toMatch(/作成日（11月1日）/);
    expect(await bad({ ...dates, createdOn: '03-01' }, 'revisedOn')).toMatch(/作成日（3月1日）/);
    expect(await bad({ createdOn: '04-01', revisedOn: '10-01' }, 'evaluatedOn')).toBeTruthy();
    const ok = await admin.send('PUT', '/api/v1/nominal-dates', { ...dates, createdOn: '04-03' });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await (await planner.get('/api/v1/nominal-dates')).json()).toMatchObject({ createdOn: '04-03' });
  });
});

describe('phases stamp the official date, not the day of the click', () => {
  it('approval of the plan stamps the nominal 作成日 of the sheet’s year', async () => {
    const staff = await t.as('fukushi-staff');
    const head = await t.as('fukushi-head');
    const id = await sheetId('健康福祉課');
    await move(staff, id, 'submit');
    await move(head, id, 'approve');
    const sheet = await view(head, id);
    expect(sheet.createdOn).toBe('2023-04-03');
    expect(sheet.createdOn).not.toBe(todayInJapan());
    const [approval] = await history(id);
    // The moment of the approval stays in the history; the sheet prints the official date.
    expect(approval).toMatchObject({ kind: 'transition', action: 'approve' });
    expect(approval?.changes).toContainEqual(
      expect.objectContaining({ path: 'createdOn', before: null, after: '2023-04-03' }),
    );
    expect(approval?.at.slice(0, 4)).toBe(todayInJapan().slice(0, 4));
    const snapshot = await (await planner.get(`/api/v1/sheets/${id}/snapshots/plan`)).json();
    expect(snapshot.createdOn).toBe('2023-04-03');
  });

  it('approval of a revision stamps the 部区’s 修正日 when set', async () => {
    const set = await wardYearDates({ createdOn: null, revisedOn: '2023-10-02', evaluatedOn: null });
    expect(set.status, await set.clone().text()).toBe(200);
    // Nobody has a 修正 yet: no sheet carries a 修正日 to change.
    expect((await set.json()).updatedSheets).toEqual([]);
    const staff = await t.as('somu-staff');
    const head = await t.as('somu-head');
    const id = await sheetId('地域総務課');
    const sheet = await view(staff, id);
    const indicator = indicatorNamed(sheet, '定時退庁推進日実施率');
    const proposed = await staff.send('POST', `/api/v1/sheets/${id}/revisions`, {
      version: sheet.version,
      indicatorId: indicator?.indicatorId,
      to: { text: '45' },
      reason: '選挙事務のため',
    });
    expect(proposed.status, await proposed.clone().text()).toBe(201);
    const { revision, sheet: after } = await proposed.json();
    const decided = await head.send('POST', `/api/v1/sheets/${id}/revisions/${revision.id}/decision`, {
      version: after.version,
      decision: 'approve',
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    expect((await view(head, id)).revisedOn).toBe('2023-10-02');
  });

  it('confirming an evaluation stamps the nominal 評価日, in the next calendar year', async () => {
    const id = await sheetId('北区郷土博物館');
    await move(planner, id, 'confirmEvaluation');
    expect((await view(planner, id)).evaluatedOn).toBe('2024-03-31');
  });
});

describe("a 部区's dates of a year", () => {
  it('are set by its 企画担当 only', async () => {
    const dates = { createdOn: '2023-04-05', revisedOn: null, evaluatedOn: null };
    for (const login of ['admin', 'viewer', 'somu-head', 'somu-staff']) {
      const res = await (await t.as(login)).send('PUT', '/api/v1/ward-year-dates', {
        ward: '北区',
        fiscalYear: 2023,
        dates,
      });
      expect(res.status, login).toBe(403);
    }
    const anonymous = await t.public.send('PUT', '/api/v1/ward-year-dates', {
      ward: '北区',
      fiscalYear: 2023,
      dates,
    });
    expect([401, 403]).toContain(anonymous.status);
  });

  it('refuse impossible dates, dates outside the year and dates out of order', async () => {
    const cases: [Record<string, string | null>, string, RegExp][] = [
      [{ createdOn: '2023-02-30', revisedOn: null, evaluatedOn: null }, 'dates.createdOn', /存在する日付/],
      [{ createdOn: '2023-04-01', revisedOn: '2023-13-01', evaluatedOn: null }, 'dates.revisedOn', /日付/],
      [
        { createdOn: '2023-04-01', revisedOn: null, evaluatedOn: '2030-03-31' },
        'dates.evaluatedOn',
        /2024年12月31日まで/,
      ],
      [{ createdOn: '2023-10-02', revisedOn: '2023-10-01', evaluatedOn: null }, 'dates.revisedOn', /作成日/],
      [{ createdOn: '2023/04/01', revisedOn: null, evaluatedOn: null }, 'dates.createdOn', /YYYY-MM-DD/],
    ];
    const before = await list();
    for (const [dates, path, message] of cases) {
      const res = await wardYearDates(dates);
      expect(res.status, JSON.stringify(dates)).toBe(400);
      const issue = (await res.json()).error.issues.find((i: { path: string }) => i.path === path);
      expect(issue?.message, path).toMatch(message);
    }
    expect((await list()).dates).toEqual(before.dates);
  });

  it('move the dates of the sheets that carry them, with history; a sheet’s own date stays', async () => {
    const somu = await sheetId('地域総務課');
    const museum = await sheetId('北区郷土博物館');
    const somuBefore = await view(planner, somu);
    // The 企画担当 gives 地域総務課 its own 作成日.
    const own = await planner.send('PUT', `/api/v1/sheets/${somu}/dates`, {
      version: somuBefore.version,
      dates: { createdOn: '2023-04-10' },
      reason: '組織改編で承認が遅れたため',
    });
    expect(own.status, await own.clone().text()).toBe(200);
    expect((await own.json()).sheet.workflow.datesSetIndividually).toEqual(['createdOn']);

    const res = await wardYearDates({ createdOn: '2023-04-06', revisedOn: '2023-10-02', evaluatedOn: null });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await res.json();
    expect(answer.official).toEqual({
      createdOn: '2023-04-06',
      revisedOn: '2023-10-02',
      evaluatedOn: '2024-03-31',
    });
    const titles = answer.updatedSheets.map((s: { title: string }) => s.title);
    expect(titles).not.toContain('地域総務課');
    // Every other sheet has come through 作成 and carried 2023-04-01 / 2023-04-03.
    expect(titles).toHaveLength(7);

    expect((await view(planner, somu)).createdOn).toBe('2023-04-10');
    const museumView = await view(planner, museum);
    expect(museumView.createdOn).toBe('2023-04-06');
    const [entry] = await history(museum);
    expect(entry).toMatchObject({
      kind: 'dates',
      action: 'wardYear',
      actor: expect.stringMatching(/企画/),
      comment: expect.stringMatching(/北区 令和5年度/),
      changes: [{ path: 'createdOn', label: '作成日', before: '2023-04-01', after: '2023-04-06' }],
    });
    const somuHistory = await history(somu);
    expect(somuHistory[0]).toMatchObject({
      kind: 'dates',
      action: 'sheet',
      comment: '組織改編で承認が遅れたため',
      changes: [
        { path: 'createdOn', before: '2023-04-01', after: '2023-04-10' },
        {
          path: 'datesSetIndividually.createdOn',
          before: expect.stringMatching(/部区/),
          after: expect.any(String),
        },
      ],
    });

    // A sheet returned to the 部区's date follows it again.
    const back = await planner.send('PUT', `/api/v1/sheets/${somu}/dates`, {
      version: (await view(planner, somu)).version,
      follow: ['createdOn'],
    });
    expect(back.status, await back.clone().text()).toBe(200);
    expect((await back.json()).sheet).toMatchObject({
      createdOn: '2023-04-06',
      workflow: { datesSetIndividually: [] },
    });
  });

  it('show the same dates on the page, in the JSON, CSV, Excel and PDF', async () => {
    const museum = await sheetId('北区郷土博物館');
    const exported = await (await planner.get(`/api/v1/export?fiscalYear=2023&ward=${ward}`)).json();
    const file = exported as WardYearFile;
    const sheet = file.sheets.find((s) => s.organization === '北区郷土博物館');
    expect(sheet).toMatchObject({ createdOn: '2023-04-06', revisedOn: null, evaluatedOn: '2024-03-31' });
    const csv = await (await planner.get(`/api/v1/downloads/csv?fiscalYear=2023&ward=${ward}`)).text();
    const museumRow = csv.split('\r\n').find((line) => line.includes('北区郷土博物館'));
    expect(museumRow).toContain(',2023-04-06,,2024-03-31,');
    const xlsx = Buffer.from(
      await (await planner.get(`/api/v1/downloads/xlsx?fiscalYear=2023&ward=${ward}`)).arrayBuffer(),
    );
    const read = await readWardYearWorkbook(xlsx);
    expect(read.sheets.find((s) => s.organization === '北区郷土博物館')).toMatchObject({
      createdOn: '2023-04-06',
      revisedOn: null,
      evaluatedOn: '2024-03-31',
    });
    const pdf = Buffer.from(
      await (await planner.get(`/api/v1/downloads/sheets/${museum}/pdf`)).arrayBuffer(),
    );
    const text = pdfText(pdf, 'raw').replace(/\s+/g, '');
    expect(text).toContain('令和5年4月6日');
    expect(text).toContain('令和6年3月31日');
  });

  it('leave a sheet that has not come through a phase empty until it does', async () => {
    const file = nextYearFixture();
    file.fiscalYear = 2024;
    const draft = sheetFileTitled(file, '健康福祉課');
    file.sheets = [draft];
    draft.status = 'draft';
    draft.createdOn = null;
    for (const ind of draft.goals.flatMap((g) => g.indicators)) {
      ind.actuals = {};
    }
    expect((await importThroughApi(admin, file)).status).toBe(200);
    const res = await wardYearDates({ createdOn: '2024-04-02', revisedOn: null, evaluatedOn: null }, 2024);
    expect((await res.json()).updatedSheets).toEqual([]);
    const id = await sheetId('健康福祉課', 2024);
    expect((await view(planner, id)).createdOn).toBeNull();
    const staff = await t.as('fukushi-staff');
    await move(staff, id, 'submit');
    await move(await t.as('fukushi-head'), id, 'approve');
    expect((await view(planner, id)).createdOn).toBe('2024-04-02');
  });
});

describe("one sheet's own dates", () => {
  it('of a 評価確定 or 公開 sheet are changed by the 企画担当 only, and recorded', async () => {
    const published = await sheetId('産業振興課');
    const sheet = await view(planner, published);
    expect(sheet.status).toBe('published');
    expect(sheet.permissions.setDates).toBe(true);
    const body = { version: sheet.version, dates: { evaluatedOn: '2024-03-29' } };
    for (const login of ['admin', 'viewer']) {
      const res = await (await t.as(login)).send('PUT', `/api/v1/sheets/${published}/dates`, body);
      expect(res.status, login).toBe(403);
    }
    expect((await view(admin, published)).permissions.setDates).toBe(false);
    const res = await planner.send('PUT', `/api/v1/sheets/${published}/dates`, body);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await view(t.public, published)).evaluatedOn).toBe('2024-03-29');
    const [entry] = await history(published);
    expect(entry?.changes[0]).toMatchObject({ path: 'evaluatedOn', before: null, after: '2024-03-29' });

    const stale = await planner.send('PUT', `/api/v1/sheets/${published}/dates`, body);
    expect(stale.status).toBe(409);
  });

  it('are refused by the head of the organization, and when impossible', async () => {
    const id = await sheetId('地域総務課');
    const head = await t.as('somu-head');
    const sheet = await view(head, id);
    expect(sheet.permissions.setDates).toBe(false);
    const denied = await head.send('PUT', `/api/v1/sheets/${id}/dates`, {
      version: sheet.version,
      dates: { createdOn: '2023-04-02' },
    });
    expect(denied.status).toBe(403);
    for (const [dates, path] of [
      [{ createdOn: '2023-02-30' }, 'dates.createdOn'],
      [{ evaluatedOn: '2023-04-02' }, 'dates.evaluatedOn'],
      [{ createdOn: '2019-04-01' }, 'dates.createdOn'],
    ] as const) {
      const res = await planner.send('PUT', `/api/v1/sheets/${id}/dates`, { version: sheet.version, dates });
      expect(res.status, JSON.stringify(dates)).toBe(400);
      expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const both = await planner.send('PUT', `/api/v1/sheets/${id}/dates`, {
      version: sheet.version,
      dates: { createdOn: '2023-04-02' },
      follow: ['createdOn'],
    });
    expect(both.status).toBe(400);
    expect((await view(planner, id)).version).toBe(sheet.version);
  });

  it('do not get in the way of saving: the document carries no dates', async () => {
    const id = await sheetId('地域総務課');
    const staff = await t.as('somu-staff');
    const sheet = await view(staff, id);
    const res = await staff.send('PUT', `/api/v1/sheets/${id}`, {
      version: sheet.version,
      document: toSheetDocument(sheet),
    });
    expect(res.status).toBe(200);
    expect(sheetViewSchema.parse((await res.json()).sheet).createdOn).toBe(sheet.createdOn);
  });
});
