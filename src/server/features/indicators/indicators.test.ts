import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSeriesSchema } from '../../../schemas/indicator-series';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import { indicatorNamed } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const sheetOf = async (year: number, title: string, client = t.public) => {
  const path = `/api/v1/sheets?fiscalYear=${year}&ward=${encodeURIComponent('北区')}`;
  const list = await (await client.get(path)).json();
  const found = list.sheets.find((s: { title: string }) => s.title === title);
  if (!found) throw new Error(`${title} is not listed`);
  return sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${found.id}`)).json());
};

describe('an indicator series across the years', () => {
  it('gives every year of results and targets the reader may see', async () => {
    const sheet = await sheetOf(2023, '北区郷土博物館');
    const id = indicatorNamed(sheet, '年間入館者数及び事業参加者数').indicatorId;
    const series = indicatorSeriesSchema.parse(
      await (await t.public.get(`/api/v1/indicators/${id}/series`)).json(),
    );
    expect(series.indicator.name).toBe('年間入館者数及び事業参加者数');
    expect(
      series.points.map((p) => [p.fiscalYear, p.result?.value ?? null, p.target?.value ?? null]),
    ).toEqual([
      [2019, 9068, null],
      [2020, 6497, null],
      [2021, 7478, null],
      [2022, 5630, 5300],
      [2023, 5630, 5300],
    ]);
  });

  it('shows the public nothing of an unpublished year', async () => {
    const draft = await sheetOf(2023, '健康福祉課', await t.as('fukushi-staff'));
    const id = indicatorNamed(draft, '特定健康診査受診率').indicatorId;
    const series = indicatorSeriesSchema.parse(
      await (await t.public.get(`/api/v1/indicators/${id}/series`)).json(),
    );
    expect(series.points.map((p) => p.fiscalYear)).toEqual([2019, 2020, 2021, 2022]);
    const staff = await t.as('fukushi-staff');
    const internal = indicatorSeriesSchema.parse(
      await (await staff.get(`/api/v1/indicators/${id}/series`)).json(),
    );
    expect(internal.points.at(-1)?.fiscalYear).toBe(2023);
    expect(
      (await t.public.get('/api/v1/indicators/00000000-0000-4000-8000-000000000000/series')).status,
    ).toBe(404);
  });
});

describe('the municipality’s evaluation rule', () => {
  it('is set by 管理者 and changes every sheet’s suggestions', async () => {
    const admin = await t.as('admin');
    expect(await (await admin.get('/api/v1/evaluation-rule')).json()).toEqual({
      achieved: 1,
      partly: 0.8,
      publishAids: false,
    });
    expect(
      (await (await t.as('somu-head')).send('PUT', '/api/v1/evaluation-rule', { achieved: 1, partly: 0.5 }))
        .status,
    ).toBe(403);
    const bad = await admin.send('PUT', '/api/v1/evaluation-rule', { achieved: 0.8, partly: 0.9 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('partly');
    expect((await admin.send('PUT', '/api/v1/evaluation-rule', { achieved: 1, partly: 0.97 })).status).toBe(
      200,
    );
    // The 目安 is an internal aid by default: staff read it.
    const somu = await sheetOf(2022, '地域総務課', await t.as('somu-staff'));
    expect(indicatorNamed(somu, '定時退庁推進日実施率').suggestion?.evaluation).toBe('未達成');
    await admin.send('PUT', '/api/v1/evaluation-rule', { achieved: 1, partly: 0.8 });
  });
});
