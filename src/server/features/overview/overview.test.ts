import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixOf, sumMixes } from '../../../domain/evaluation-mix';
import {
  type MunicipalityYearOverview,
  municipalityYearOverviewSchema,
  type WardYearOverview,
  wardYearOverviewSchema,
} from '../../../schemas/overview';
import { type WardYearSheets, wardYearSheetsSchema } from '../../../schemas/sheet';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;

/** 令和4年度 (the sample, all published) and 令和5年度 (six published, 地域総務課 承認済み, 健康福祉課 下書き). */
beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
});

const ward = encodeURIComponent('北区');

async function read<T>(client: TestClient, path: string, parse: (x: unknown) => T): Promise<T> {
  const res = await client.get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return parse(await res.json());
}

const list = (client: TestClient, year: number): Promise<WardYearSheets> =>
  read(client, `/api/v1/sheets?fiscalYear=${year}&ward=${ward}`, (x) => wardYearSheetsSchema.parse(x));
const overview = (client: TestClient, year: number): Promise<WardYearOverview> =>
  read(client, `/api/v1/overview/ward-year?fiscalYear=${year}&ward=${ward}`, (x) =>
    wardYearOverviewSchema.parse(x),
  );
const municipality = (client: TestClient, year: number): Promise<MunicipalityYearOverview> =>
  read(client, `/api/v1/overview/municipality-year?fiscalYear=${year}`, (x) =>
    municipalityYearOverviewSchema.parse(x),
  );

describe('部区・年度の概要', () => {
  it('shows every sheet of the list with its goals, and each sheet’s indicators count as the list does', async () => {
    for (const client of [t.public, await t.as('fukushi-staff'), await t.as('kita-kikaku')]) {
      for (const year of [2022, 2023]) {
        const [sheets, glance] = await Promise.all([list(client, year), overview(client, year)]);
        expect(glance.sheets.map((s) => s.id)).toEqual(sheets.sheets.map((s) => s.id));
        for (const [index, sheet] of glance.sheets.entries()) {
          const indicators = sheet.goals.flatMap((goal) => goal.indicators);
          expect(mixOf(indicators)).toEqual(sheets.sheets[index]?.evaluations);
        }
      }
    }
  });

  it('gives the public only published sheets, and the year before as its list counts it', async () => {
    const now = await overview(t.public, 2023);
    expect(now.sheets).toHaveLength(6);
    const before = await list(t.public, 2022);
    expect(now.previous).toEqual({
      fiscalYear: 2022,
      sheetCount: before.sheets.length,
      evaluations: before.totals.evaluations,
    });
    expect((await overview(t.public, 2022)).previous).toBeNull();
  });

  it('draws a trend from each indicator: three years before, the target and the result', async () => {
    const glance = await overview(t.public, 2022);
    const indicator = glance.sheets
      .flatMap((s) => s.goals.flatMap((g) => g.indicators))
      .find((i) => i.name === '避難所運営組織数');
    expect(indicator?.actuals.map((a) => a.fiscalYear)).toEqual([2019, 2020, 2021]);
    expect(indicator?.target.value).not.toBeNull();
    expect(indicator?.evaluation).not.toBeNull();
  });

  it('answers a wrong year or an unknown ward with a message that names the field', async () => {
    const wrong = await t.public.get(`/api/v1/overview/ward-year?fiscalYear=abc&ward=${ward}`);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('fiscalYear');
    const unknown = await t.public.get(
      `/api/v1/overview/ward-year?fiscalYear=2022&ward=${encodeURIComponent('南区')}`,
    );
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(await unknown.json())).toContain('登録されていません');
  });
});

describe('自治体・年度の概要', () => {
  it('adds up its 部区 as their lists count them, with the year before', async () => {
    const [glance, sheets, before] = await Promise.all([
      municipality(t.public, 2023),
      list(t.public, 2023),
      list(t.public, 2022),
    ]);
    expect(glance.municipality).toBe('新潟市');
    expect(glance.wards.map((w) => w.name)).toContain('北区');
    const kita = glance.wards.find((w) => w.name === '北区');
    expect(kita?.evaluations).toEqual(sheets.totals.evaluations);
    expect(kita?.sheetCount).toBe(sheets.sheets.length);
    expect(kita?.previous?.evaluations).toEqual(before.totals.evaluations);
    expect(glance.evaluations).toEqual(sumMixes(glance.wards.map((w) => w.evaluations)));
    expect(glance.previous?.sheetCount).toBe(before.sheets.length);
  });

  it('lists the years a reader may read, and counts what each reader may read', async () => {
    expect((await municipality(t.public, 2022)).fiscalYears).toEqual([2023, 2022]);
    const staff = await municipality(await t.as('fukushi-staff'), 2023);
    expect(staff.sheetCount).toBe((await list(await t.as('fukushi-staff'), 2023)).sheets.length);
  });

  it('refuses an unknown municipality by name', async () => {
    const res = await t.public.get(
      `/api/v1/overview/municipality-year?fiscalYear=2022&municipality=${encodeURIComponent('架空市')}`,
    );
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('municipality');
  });
});
