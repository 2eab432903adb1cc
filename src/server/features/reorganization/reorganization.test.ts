import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { organizationSchema, wardYearSheetsSchema } from '../../../schemas/sheet';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import { indicatorNamed } from '../../testing/finders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let planner: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
});
afterAll(async () => {
  await t.close();
});

const kita = encodeURIComponent('北区');
const orgId = async (name: string) => {
  const orgs = organizationSchema
    .array()
    .parse(await (await planner.get(`/api/v1/organizations?ward=${kita}`)).json());
  const found = orgs.find((o) => o.name === name);
  if (!found) throw new Error(name);
  return found.id;
};
const sheetsOf = async (year: number) =>
  wardYearSheetsSchema.parse(
    await (await planner.get(`/api/v1/sheets?fiscalYear=${year}&ward=${kita}`)).json(),
  ).sheets;

describe('reorganisation', () => {
  it('merges two organizations; the rolled-over successor sheet shows both predecessors’ history', async () => {
    const res = await planner.send('POST', '/api/v1/reorganizations', {
      kind: 'merge',
      predecessorIds: [await orgId('健康福祉課'), await orgId('北地域保健福祉センター')],
      successorNames: ['健康福祉センター'],
      fromFiscalYear: 2023,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 })).status).toBe(
      201,
    );

    const next = await sheetsOf(2023);
    expect(next.map((s) => s.title)).toEqual([
      '地域総務課',
      '北区郷土博物館',
      '区民生活課',
      '健康福祉センター',
      '産業振興課',
      '建設課',
      '北出張所',
    ]);
    const merged = next.find((s) => s.title === '健康福祉センター');
    const sheet = sheetViewSchema.parse(await (await planner.get(`/api/v1/sheets/${merged?.id}`)).json());
    const fromFiles = ['健康福祉課', '北地域保健福祉センター'].flatMap((name) => {
      const s = sample.sheets.find((x) => x.department === name);
      return (s?.goals ?? []).map((g) => g.text);
    });
    expect(sheet.goals.map((g) => g.text)).toEqual(fromFiles);
    expect(sheet.goals.map((g) => g.no)).toEqual(fromFiles.map((_, i) => i + 1));
    const byName = new Map(sheet.goals.flatMap((g) => g.indicators).map((i) => [i.name, i]));
    expect(byName.get('特定健康診査受診率')?.actuals.map((a) => a.text)).toEqual([
      '31.61％ (4,180人) 市受診率33.12％',
      '26.81％ (3,569人) 市受診率29.01％（R4年3月5日報告分）',
      '23.58％ (3,023人) 市受診率23.71％（R5年1月5日報告分）',
    ]);
    expect(byName.get('生活習慣病予防をテーマにした健康教育')?.actuals.map((a) => a.text)).toEqual([
      '16',
      '19',
      '21',
    ]);
  });

  it('renames an organization from a year, keeping its series', async () => {
    const res = await planner.send('POST', '/api/v1/reorganizations', {
      kind: 'rename',
      predecessorIds: [await orgId('北出張所')],
      successorNames: ['北区役所 北出張所'],
      fromFiscalYear: 2024,
    });
    expect(res.status).toBe(201);
    expect((await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2023 })).status).toBe(
      201,
    );
    const renamed = (await sheetsOf(2024)).find((s) => s.title === '北区役所 北出張所');
    expect(renamed).toBeDefined();
    const sheet = sheetViewSchema.parse(await (await planner.get(`/api/v1/sheets/${renamed?.id}`)).json());
    expect(indicatorNamed(sheet, '窓口事務・内部事務に係る改善提案件数').actuals.map((a) => a.text)).toEqual([
      '4',
      '4',
      null,
    ]);
  });

  it('refuses wrong shapes and people other than the 企画担当 or 管理者', async () => {
    const staff = await t.as('somu-staff');
    const body = {
      kind: 'rename',
      predecessorIds: [await orgId('建設課')],
      successorNames: ['土木課'],
      fromFiscalYear: 2024,
    };
    expect((await staff.send('POST', '/api/v1/reorganizations', body)).status).toBe(403);
    const twoForRename = { ...body, successorNames: ['a', 'b'] };
    expect((await planner.send('POST', '/api/v1/reorganizations', twoForRename)).status).toBe(400);
  });
});
