import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations, sheets } from '../../../db/schema';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { fiscalYearOfDate } from '../../../domain/fiscal-year';
import { consistencyReportSchema } from '../../../schemas/answers';
import type { WardYearFile } from '../../../schemas/interchange';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { type SheetView, sheetViewSchema } from '../../../schemas/sheet-edit';
import { todayInJapan } from '../../clock';
import { indicatorNamed, sampleFile, sheetFileTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/**
 * The 点検表 lists what fits the phase of the 部区's year, and finds revisions that were never
 * recorded, sheets evaluated without 評価日, and 部区 numbers the 部区's own sheet lacks.
 */

let t: TestApp;
let admin: TestClient;
let planner: TestClient;
const ward = encodeURIComponent('北区');
// The current fiscal year: its end is still ahead, so the calendar alone does not put it in 評価.
const year = fiscalYearOfDate(todayInJapan());

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  planner = await t.as('kita-kikaku');
});
afterAll(async () => {
  await t.close();
});

/** The sample as this year's drafts: targets planned (one missing), nothing evaluated yet. */
function thisYearsDrafts(): WardYearFile {
  const file = sampleFile();
  file.fiscalYear = year;
  for (const sheet of file.sheets) {
    sheet.status = 'draft';
    sheet.createdOn = null;
    sheet.revisedOn = null;
    sheet.evaluatedOn = null;
    sheet.outcome = null;
    for (const ind of sheet.goals.flatMap((g) => g.indicators)) {
      ind.actuals = {};
      ind.result = { text: null, value: null };
      ind.achievement = null;
      ind.evaluation = null;
    }
  }
  indicatorNamed(sheetFileTitled(file, '地域総務課'), vision).target = { text: null, value: null };
  return file;
}

/** 地域総務課's indicators of 目標1 and 目標4. */
const vision = '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定';
const overtime = '定時退庁推進日実施率';

async function report() {
  const res = await planner.get(`/api/v1/consistency?fiscalYear=${year}&ward=${ward}`);
  expect(res.status).toBe(200);
  return consistencyReportSchema.parse(await res.json());
}
const kinds = async () => new Set((await report()).items.map((i) => i.kind));

async function somuSheet(client: TestClient): Promise<SheetView> {
  const list = wardYearSheetsSchema.parse(
    await (await client.get(`/api/v1/sheets?fiscalYear=${year}&ward=${ward}`)).json(),
  );
  const id = list.sheets.find((s) => s.title === '地域総務課')?.id;
  return sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${id}`)).json());
}

async function move(client: TestClient, transition: string) {
  const sheet = await somuSheet(client);
  const res = await client.send('POST', `/api/v1/sheets/${sheet.id}/transitions`, {
    transition,
    version: sheet.version,
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('the 点検表 through the year', () => {
  it('in 作成 lists missing targets, not the results nobody could have yet', async () => {
    const res = await importThroughApi(admin, thisYearsDrafts());
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await report();
    expect(body.phase).toBe('plan');
    expect(
      body.items.filter((i) => i.kind === 'missing_target').map((i) => `${i.sheetTitle} ${i.path}`),
    ).toEqual(['地域総務課 goals[0].indicators[0].target']);
    const listed = new Set(body.items.map((i) => i.kind));
    for (const kind of ['missing_result', 'missing_evaluation', 'unrecorded_revision_note'])
      expect(listed.has(kind as never), kind).toBe(false);
  });

  it('in 修正 also lists a 補足 that tells of a revision never recorded', async () => {
    const fix = structuredClone(thisYearsDrafts());
    const somu = sheetFileTitled(fix, '地域総務課');
    indicatorNamed(somu, vision).target = { text: '策定', value: null };
    fix.sheets = [somu];
    expect((await importThroughApi(admin, fix)).status).toBe(200);
    await move(await t.as('somu-staff'), 'submit');
    await move(await t.as('somu-head'), 'approve');
    const body = await report();
    expect(body.phase).toBe('revision');
    const notes = body.items.filter((i) => i.kind === 'unrecorded_revision_note');
    expect(notes.map((i) => `${i.sheetTitle} ${i.path}`)).toEqual(['地域総務課 goals[3].indicators[0].note']);
    expect(notes[0]?.message).toMatch(/2022年9月30日/);
    expect(body.items.some((i) => i.kind === 'missing_result')).toBe(false);
  });

  it('finds a target changed since approval without a revision, until one is recorded', async () => {
    const replace = structuredClone(thisYearsDrafts());
    const somu = sheetFileTitled(replace, '地域総務課');
    somu.status = 'approved';
    indicatorNamed(somu, vision).target = { text: '策定', value: null };
    indicatorNamed(somu, overtime).target = { text: '40', value: 40 };
    replace.sheets = [somu];
    expect((await importThroughApi(admin, replace)).status).toBe(200);
    let body = await report();
    const changed = body.items.filter((i) => i.kind === 'unrecorded_target_change');
    expect(changed.map((i) => `${i.sheetTitle} ${i.path}`)).toEqual([
      '地域総務課 goals[3].indicators[0].target',
    ]);
    expect(changed[0]?.message).toMatch(/「50」から「40」/);

    // Recorded as a revision (40 → 35): the target is explained, and so is the note.
    const staff = await t.as('somu-staff');
    const sheet = await somuSheet(staff);
    const proposed = await staff.send('POST', `/api/v1/sheets/${sheet.id}/revisions`, {
      version: sheet.version,
      indicatorId: indicatorNamed(sheet, overtime).indicatorId,
      to: { text: '35' },
      reason: '選挙事務のため',
    });
    expect(proposed.status).toBe(201);
    const { revision, sheet: after } = await proposed.json();
    const head = await t.as('somu-head');
    const decided = await head.send('POST', `/api/v1/sheets/${sheet.id}/revisions/${revision.id}/decision`, {
      version: after.version,
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
    body = await report();
    expect(
      body.items.filter((i) => i.sheetTitle === '地域総務課' && i.kind.startsWith('unrecorded')),
    ).toEqual([]);
  });

  it('in 評価 lists missing results and evaluations, and an evaluation without 評価日', async () => {
    const yesterday = new Date(Date.now() - 86_400_000).toLocaleDateString('sv-SE', {
      timeZone: 'Asia/Tokyo',
    });
    const res = await planner.send('PUT', '/api/v1/deadlines', {
      ward: '北区',
      fiscalYear: year,
      deadlines: { plan: yesterday, revision: yesterday, evaluation: null },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await report();
    expect(body.phase).toBe('evaluation');
    const listed = await kinds();
    expect(listed.has('missing_result')).toBe(true);
    expect(listed.has('missing_evaluation')).toBe(true);
    // The one missing target was filled in before approval.
    expect(listed.has('missing_target')).toBe(false);

    // 北出張所 enters its evaluation without it being confirmed yet: no 評価日 on the sheet.
    const evaluated = structuredClone(thisYearsDrafts());
    const branch = sheetFileTitled(evaluated, '北出張所');
    branch.status = 'evaluated';
    for (const ind of branch.goals.flatMap((g) => g.indicators)) {
      ind.result = { text: '1', value: 1 };
      ind.evaluation = '達成';
    }
    evaluated.sheets = [branch];
    expect((await importThroughApi(admin, evaluated)).status).toBe(200);
    const dated = (await report()).items.filter((i) => i.kind === 'evaluated_without_date');
    expect(dated.map((i) => `${i.sheetTitle} ${i.path}`)).toEqual(['北出張所 evaluatedOn']);
    expect(dated[0]?.message).toMatch(/確定していますが、評価日がありません/);
  });
});

describe("the 部区's own sheet", () => {
  it('goes out and comes back through the interchange format as the 部区’s own sheet', async () => {
    const file = structuredClone(sample) as WardYearFile;
    file.sheets = [
      {
        department: '北区',
        organization: null,
        phone: '025-387-1000',
        createdOn: '2022-04-01',
        revisedOn: null,
        evaluatedOn: null,
        purpose: '北区の目標',
        approach: null,
        outcome: null,
        goals: [1, 2, 3].map((no) => ({
          no,
          parentNo: null,
          text: `北区の目標${no}`,
          initiatives: [],
          indicators: [],
        })),
      },
    ];
    expect((await importThroughApi(admin, file)).status).toBe(200);
    const { db } = t.database;
    const organizationsBefore = (await db.select({ n: count() }).from(organizations))[0]?.n;
    const exported = (await (
      await planner.get(`/api/v1/export?fiscalYear=2022&ward=${ward}`)
    ).json()) as WardYearFile;
    const own = exported.sheets.filter((s) => s.department === '北区' && s.organization === null);
    expect(own).toHaveLength(1);
    expect(own[0]?.goals.map((g) => g.no)).toEqual([1, 2, 3]);

    expect((await importThroughApi(admin, exported)).status).toBe(200);
    expect((await db.select({ n: count() }).from(organizations))[0]?.n).toBe(organizationsBefore);
    const [wardRow] = await db.select().from(organizations).where(eq(organizations.name, '北区'));
    const ownSheets = await db
      .select()
      .from(sheets)
      .where(eq(sheets.organizationId, wardRow?.id ?? ''));
    expect(ownSheets.map((s) => s.fiscalYear)).toEqual([2022]);

    // Its goals are what the sections' 部区 numbers are checked against.
    const res = await planner.get(`/api/v1/consistency?fiscalYear=2022&ward=${ward}`);
    const body = consistencyReportSchema.parse(await res.json());
    expect(body.items.filter((i) => i.kind === 'parent_sheet_missing')).toEqual([]);
    expect(
      body.items.filter((i) => i.kind === 'parent_goal_missing').map((i) => `${i.sheetTitle} ${i.where}`),
    ).toEqual(['区民生活課 目標4']);
    expect(body.items.some((i) => i.sheetTitle === '北区' && i.kind.startsWith('parent'))).toBe(false);
  });
});
