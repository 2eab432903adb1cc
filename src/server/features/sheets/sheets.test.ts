import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import {
  goalNumbered,
  indicatorNamed,
  sampleFile,
  sheetDetailTitled,
  sheetFileTitled,
  sheetIdTitled,
  sheetTitled,
} from '../../testing/finders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { importWardYear } from '../interchange/import-ward-year';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const kita2022 = `fiscalYear=2022&ward=${encodeURIComponent('北区')}`;

const sheetOf = (title: string) => sheetDetailTitled(t, title);

describe('read API', () => {
  it('answers health once the database is ready', async () => {
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });

  it('lists wards with their fiscal years', async () => {
    const res = await t.request('/api/v1/wards');
    expect(await res.json()).toEqual([
      expect.objectContaining({ name: '北区', municipality: '新潟市', fiscalYears: [2022] }),
    ]);
  });

  it("lists the ward's sheets of a year with goal, indicator and evaluation counts", async () => {
    const res = await t.request(`/api/v1/sheets?${kita2022}`);
    expect(res.status).toBe(200);
    const body = wardYearSheetsSchema.parse(await res.json());
    expect(body.sheets.map((s) => s.title)).toEqual([
      '地域総務課',
      '北区郷土博物館',
      '区民生活課',
      '健康福祉課',
      '北地域保健福祉センター',
      '産業振興課',
      '建設課',
      '北出張所',
    ]);
    expect(body.totals.goals).toBe(32);
    expect(body.totals.indicators).toBe(43);
    const evaluations = sample.sheets.flatMap((s) =>
      s.goals.flatMap((g) => g.indicators.map((i) => i.evaluation)),
    );
    expect(body.totals.evaluations).toEqual({
      達成: evaluations.filter((e) => e === '達成').length,
      一部未達成: evaluations.filter((e) => e === '一部未達成').length,
      未達成: evaluations.filter((e) => e === '未達成').length,
      未評価: 0,
    });
    expect(sheetTitled(body.sheets, '地域総務課')).toMatchObject({
      goalCount: 4,
      indicatorCount: 4,
      evaluations: { 達成: 2, 一部未達成: 1, 未達成: 1 },
    });
  });

  it('accepts the year as people write it (令和4年度, R4)', async () => {
    for (const year of ['令和4年度', 'R4', '２０２２']) {
      const res = await t.request(
        `/api/v1/sheets?fiscalYear=${encodeURIComponent(year)}&ward=${encodeURIComponent('北区')}`,
      );
      expect(res.status, year).toBe(200);
    }
  });

  it('returns one sheet with everything, 実績 read from the stored yearly results', async () => {
    const sheet = await sheetOf('地域総務課');
    expect(sheet).toMatchObject({
      fiscalYear: 2022,
      phone: '025-387-1150',
      createdOn: '2022-04-01',
      status: 'published',
    });
    const indicator = indicatorNamed(goalNumbered(sheet, 4), '定時退庁推進日実施率');
    expect(indicator).toMatchObject({
      name: '定時退庁推進日実施率',
      unit: '％',
      target: { text: '50', value: 50 },
      result: { text: '48.2', value: 48.2 },
      evaluation: '未達成',
    });
    expect(indicator.actuals.map((a) => [a.fiscalYear, a.text])).toEqual([
      [2019, '50.4'],
      [2020, '85.9'],
      [2021, '77'],
    ]);
    const museum = await sheetOf('北区郷土博物館');
    expect(indicatorNamed(museum, '年間入館者数及び事業参加者数').actuals[0]?.breakdown).toEqual([
      { label: '入館者', value: 8895, unit: '人' },
      { label: '館外事業参加者', value: 173, unit: '人' },
    ]);
  });

  it('answers 304 to a matching ETag and serves fresh content after a change', async () => {
    const id = await sheetIdTitled(t, '地域総務課');
    const first = await t.request(`/api/v1/sheets/${id}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(
      (await t.request(`/api/v1/sheets/${id}`, { headers: { 'if-none-match': etag ?? '' } })).status,
    ).toBe(304);

    const edited = sampleFile();
    sheetFileTitled(edited, '地域総務課').purpose = '変更後の組織の目的';
    await importWardYear(t.database.db, edited);
    await expect
      .poll(async () => (await (await t.request(`/api/v1/sheets/${id}`)).json()).purpose)
      .toBe('変更後の組織の目的');
    await importWardYear(t.database.db, sample);
  });

  it('exports the ward year in the interchange format', async () => {
    const res = await t.request(`/api/v1/export?${kita2022}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment|inline/);
    const body = await res.json();
    expect(body.sheets).toHaveLength(8);
    expect(indicatorNamed(sheetFileTitled(body, '地域総務課'), '定時退庁推進日実施率').result).toEqual({
      text: '48.2',
      value: 48.2,
    });
  });
});

describe('bad requests get a clear 4xx', () => {
  it.each([
    ['/api/v1/sheets?ward=北区', 400, 'fiscalYear'],
    ['/api/v1/sheets?fiscalYear=令和百年度&ward=北区', 400, 'fiscalYear'],
    ['/api/v1/sheets?fiscalYear=2022', 400, 'ward'],
    ['/api/v1/sheets/not-a-uuid', 400, 'id'],
    ['/api/v1/export?fiscalYear=2022&ward=南区', 404, 'ward'],
    ['/api/v1/organizations', 400, 'ward'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const res = await t.request(encodeURI(path));
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });

  it('404s an unknown sheet and an unknown API path in Japanese', async () => {
    for (const path of ['/api/v1/sheets/00000000-0000-4000-8000-000000000000', '/api/v1/nothing']) {
      const res = await t.request(path);
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/見つかりませんでした/);
    }
  });

  it('404s a year with no sheets', async () => {
    const res = await t.request(`/api/v1/export?fiscalYear=2030&ward=${encodeURIComponent('北区')}`);
    expect(res.status).toBe(404);
  });
});
