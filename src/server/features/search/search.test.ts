import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SearchAnswer, searchAnswerSchema } from '../../../schemas/search';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let publicReader: TestClient;

/** 令和5年度 besides the sample: 地域総務課 承認済み, 健康福祉課 下書き — and the draft holds words no published sheet has. */
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const staff = await t.as('fukushi-staff');
  const list = wardYearSheetsSchema.parse(
    await (await staff.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)).json(),
  );
  const id = list.sheets.find((s) => s.title === '健康福祉課')?.id ?? '';
  const sheet = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${id}`)).json());
  const document = { ...toSheetDocument(sheet), purpose: '避難所の下書きだけにある言葉：ほげ防災計画' };
  const saved = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: sheet.version, document });
  expect(saved.status, await saved.clone().text()).toBe(200);
  publicReader = t.public;
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function search(client: TestClient, params: Record<string, string>): Promise<SearchAnswer> {
  const res = await client.get(`/api/v1/search?${new URLSearchParams(params)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return searchAnswerSchema.parse(await res.json());
}

const marked = (answer: SearchAnswer) =>
  answer.hits.map((hit) => hit.snippet.filter((part) => part.match).map((part) => part.text));

describe('検索', () => {
  it('finds 避難所 where it is written, with the year, ward, sheet, place and the words marked', async () => {
    const answer = await search(publicReader, { q: '避難所' });
    expect(answer.total).toBeGreaterThanOrEqual(6);
    expect(answer.hits.every((hit) => hit.status === 'published' && hit.fiscalYear === 2022)).toBe(true);
    expect(
      marked(answer)
        .flat()
        .every((text) => text === '避難所'),
    ).toBe(true);
    const indicator = answer.hits.find((hit) => hit.field === 'indicator');
    expect(indicator).toMatchObject({
      title: '地域総務課',
      ward: '北区',
      municipality: '新潟市',
      place: '組織目標2 › 指標「避難所運営組織数」',
      anchor: 'at-goal-1-indicator-0',
    });
  });

  it('names a match in 主な取組 by its goal', async () => {
    const answer = await search(publicReader, { q: '避難所' });
    expect(answer.hits.find((hit) => hit.field === 'initiatives')).toMatchObject({
      place: '組織目標2 › 主な取組（事業）',
      anchor: 'at-goal-1',
    });
  });

  it('finds a two-character word (防災), in goals and narratives alike', async () => {
    const answer = await search(publicReader, { q: '防災' });
    expect(answer.total).toBeGreaterThanOrEqual(4);
    expect(new Set(answer.hits.map((hit) => hit.field))).toContain('goal');
  });

  it('finds a katakana word, and full-width letters as half-width ones', async () => {
    expect((await search(publicReader, { q: 'ワークライフバランス' })).total).toBeGreaterThanOrEqual(3);
    const full = await search(publicReader, { q: 'ＩＣＴ' });
    const half = await search(publicReader, { q: 'ict' });
    expect(full.total).toBeGreaterThan(0);
    expect(half.hits).toEqual(full.hits.map((hit) => ({ ...hit })));
    // The mark is on the text as written.
    expect(marked(half).flat()).toContain('ＩＣＴ');
  });

  it('needs every word, and narrows by year, ward, organization and evaluation', async () => {
    const both = await search(publicReader, { q: '避難所　運営' });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThanOrEqual((await search(publicReader, { q: '避難所' })).total);
    const evaluated = await search(publicReader, { q: '避難所', evaluation: '達成' });
    expect(
      evaluated.hits.every(
        (hit) => hit.evaluation === '達成' || hit.field === 'goal' || hit.field === 'initiatives',
      ),
    ).toBe(true);
    expect(evaluated.hits.some((hit) => hit.field === 'approach' || hit.field === 'outcome')).toBe(false);
    const none = await search(publicReader, { q: '避難所', evaluation: '未達成' });
    expect(none.total).toBeLessThan((await search(publicReader, { q: '避難所' })).total);
    expect((await search(publicReader, { q: '避難所', fiscalYear: '令和3年度' })).total).toBe(0);
    expect((await search(publicReader, { q: '避難所', organization: '建設課' })).total).toBe(0);
    expect((await search(publicReader, { q: '避難所', ward: '北区', fiscalYear: 'R4' })).facets).toEqual({
      fiscalYears: [2022],
      wards: ['北区'],
      organizations: ['地域総務課'],
    });
  });

  it('finds the same within a municipality or 部区 named (its few sheets read text by text) as through the indexes', async () => {
    for (const q of ['避難所', '防災', 'ict', '避難所　運営', '市民']) {
      const everywhere = await search(publicReader, { q });
      expect(everywhere.total, q).toBeGreaterThan(0);
      expect(await search(publicReader, { q, municipality: '新潟市' }), q).toEqual(everywhere);
      expect(await search(publicReader, { q, ward: '北区' }), q).toEqual(everywhere);
    }
    const staff = await t.as('fukushi-staff');
    expect(await search(staff, { q: 'ほげ防災', municipality: '新潟市' })).toEqual(
      await search(staff, { q: 'ほげ防災' }),
    );
    expect((await search(publicReader, { q: 'ほげ防災', ward: '北区' })).total).toBe(0);
  });

  it('never shows the public a sheet that is not published; staff find their draft', async () => {
    expect((await search(publicReader, { q: 'ほげ防災' })).total).toBe(0);
    const staff = await search(await t.as('fukushi-staff'), { q: 'ほげ防災' });
    expect(staff.hits).toEqual([
      expect.objectContaining({
        title: '健康福祉課',
        fiscalYear: 2023,
        status: 'draft',
        field: 'purpose',
        anchor: 'at-header',
      }),
    ]);
    const publicHits = await search(publicReader, { q: '避難所' });
    expect(publicHits.hits.some((hit) => hit.fiscalYear === 2023 && hit.status !== 'published')).toBe(false);
  });

  it('shows staff what the sheet policy lets them read: the draft to its organization, its 部区 and the municipality-wide, not to another 課', async () => {
    const seeing = async (login: string) => (await search(await t.as(login), { q: 'ほげ防災' })).total;
    for (const login of ['fukushi-staff', 'fukushi-head', 'kita-kikaku', 'viewer', 'admin'])
      expect(await seeing(login), login).toBe(1);
    expect(await seeing('somu-staff')).toBe(0);
    expect(await seeing('somu-head')).toBe(0);
  });

  it('refuses an empty query and a wrong filter with a message that names the field', async () => {
    const empty = await publicReader.get('/api/v1/search?q=%20');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(await empty.json())).toContain('検索する言葉を入力してください');
    const wrong = await publicReader.get(`/api/v1/search?q=a&evaluation=${encodeURIComponent('よい')}`);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain('evaluation');
  });
});
