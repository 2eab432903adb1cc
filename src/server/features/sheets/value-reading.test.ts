import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indicatorSeriesSchema } from '../../../schemas/indicator-series';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { goalNumbered, indicatorNamed, sheetFileTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/**
 * Values as Japanese documents write them, through the API: △ is minus in what is stored, charted
 * and published; a target's 以上/以下/超/未満 decides the rule's suggestion; free text gets none.
 */

let t: TestApp;
let staff: TestClient;
let sheetId: string;

const fy = 2023;
const cell = (text: string | null, value: number | null) => ({ text, value });

/** 地域総務課 令和5年度 (承認済み, results not yet entered) with targets written every way. */
function fixture() {
  const file = nextYearFixture();
  const sheet = sheetFileTitled(file, '地域総務課');
  if (sheet.goals.length !== 4) throw new Error('the sample changed');
  const vision = indicatorNamed(sheet, '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定');
  const shelters = indicatorNamed(sheet, '避難所運営組織数');
  const groups = indicatorNamed(sheet, '協働した団体数');
  const overtime = indicatorNamed(sheet, '定時退庁推進日実施率');
  vision.target = cell('11地区で説明会を実施', null);
  shelters.target = cell('50％以上', 50);
  groups.target = cell('10件以下', 10);
  overtime.target = cell('50％超', 50);
  goalNumbered(sheet, 2).indicators.push({
    ...structuredClone(shelters),
    name: '避難所開設訓練の所要時間（前年比）',
    unit: '％',
    actuals: { '2020': cell(null, null), '2021': cell(null, null), '2022': cell('△3%', -3) },
    target: cell('△5%以下', -5),
  });
  return file;
}

async function view(client: TestClient): Promise<SheetView> {
  const res = await client.get(`/api/v1/sheets/${sheetId}`);
  expect(res.status).toBe(200);
  return sheetViewSchema.parse(await res.json());
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  const imported = await importThroughApi(admin, fixture());
  expect(imported.status, await imported.clone().text()).toBe(200);
  staff = await t.as('somu-staff');
  const list = wardYearSheetsSchema.parse(
    await (await staff.get(`/api/v1/sheets?fiscalYear=${fy}&ward=${encodeURIComponent('北区')}`)).json(),
  );
  const found = list.sheets.find((s) => s.title === '地域総務課');
  if (!found) throw new Error('no 地域総務課');
  sheetId = found.id;
});
afterAll(async () => {
  await t.close();
});

describe('results entered against targets written the Japanese way', () => {
  it('asks a reason, on submitting, only where the judgement differs from what the qualifier says', async () => {
    const sheet = await view(staff);
    const doc = toSheetDocument(sheet);
    const results = [['11地区で実施'], ['５０％', '△７%'], ['10件'], ['50％']];
    doc.goals.forEach((goal, gi) => {
      goal.indicators.forEach((ind, ii) => {
        ind.result = { text: results[gi]?.[ii] ?? null };
        ind.evaluation = '達成';
        ind.achievement = '計画どおり実施しました。';
      });
    });
    // The draft saves; the submission of the evaluation asks for what is missing.
    let res = await staff.send('PUT', `/api/v1/sheets/${sheetId}`, { version: sheet.version, document: doc });
    expect(res.status, await res.clone().text()).toBe(200);
    let saved = sheetViewSchema.parse((await res.json()).sheet);
    res = await staff.send('POST', `/api/v1/sheets/${sheetId}/transitions`, {
      transition: 'submitEvaluation',
      version: saved.version,
    });
    expect(res.status).toBe(400);
    // 50 against 「50％超」 is not yet above the target; everything else is met or has no suggestion.
    expect((await res.json()).error.issues).toEqual([
      {
        path: 'goals[3].indicators[0].evaluationReason',
        message: expect.stringContaining(
          '基準による目安「一部未達成」（結果÷目標 = 100％（80％以上100％以下））',
        ),
      },
    ]);
    const overtime = indicatorNamed(doc, '定時退庁推進日実施率');
    overtime.evaluationReason = '目標の水準に達したため達成としました。';
    res = await staff.send('PUT', `/api/v1/sheets/${sheetId}`, { version: saved.version, document: doc });
    expect(res.status, await res.clone().text()).toBe(200);
    saved = sheetViewSchema.parse((await res.json()).sheet);
    res = await staff.send('POST', `/api/v1/sheets/${sheetId}/transitions`, {
      transition: 'submitEvaluation',
      version: saved.version,
    });
    expect(res.status, await res.clone().text()).toBe(200);
  });

  it('shows the suggestion each qualifier gives, and none for a free-text target', async () => {
    const sheet = await view(staff);
    const at = (g: number, i = 0) => sheet.goals[g]?.indicators[i];
    expect(at(1)?.target).toMatchObject({ text: '50％以上', value: 50 });
    expect(at(1)?.result).toMatchObject({ text: '５０％', value: 50 });
    expect(at(1)?.suggestion).toEqual({ evaluation: '達成', basis: '結果÷目標 = 100％（100％以上）' });
    expect(at(2)?.direction).toBe('higher');
    expect(at(2)?.suggestion).toEqual({
      evaluation: '達成',
      basis: '目標÷結果（目標が「10件以下」） = 100％（100％以上）',
    });
    expect(at(3)?.suggestion?.evaluation).toBe('一部未達成');
    expect(at(0)?.target).toMatchObject({ text: '11地区で説明会を実施', value: null });
    expect(at(0)?.result).toMatchObject({ text: '11地区で実施', value: null });
    expect(at(0)?.suggestion).toBeNull();
  });

  it('stores, charts and publishes △ values as negative numbers', async () => {
    const sheet = await view(staff);
    const fall = indicatorNamed(sheet, '避難所開設訓練の所要時間（前年比）');
    expect(fall?.target).toMatchObject({ text: '△5%以下', value: -5 });
    expect(fall?.result).toMatchObject({ text: '△７%', value: -7 });
    expect(fall?.actuals.at(-1)).toMatchObject({ text: '△3%', value: -3 });
    expect(fall?.suggestion?.evaluation).toBe('達成');

    const series = indicatorSeriesSchema.parse(
      await (await staff.get(`/api/v1/indicators/${fall?.indicatorId}/series`)).json(),
    );
    expect(series.points.at(-1)).toEqual({
      fiscalYear: fy,
      target: { text: '△5%以下', value: -5 },
      result: { text: '△７%', value: -7 },
    });

    const csv = await (
      await (
        await t.as('admin')
      ).get(`/api/v1/downloads/csv?fiscalYear=${fy}&ward=${encodeURIComponent('北区')}`)
    ).text();
    const line = csv
      .split('\r\n')
      .find((l) => l.includes('避難所開設訓練の所要時間') && l.includes('目標・結果'));
    expect(line).toContain(',△5%以下,-5,△７%,-7,');
    // 目標の条件, then 結果の訂正 (none).
    expect(line?.endsWith(',以下,')).toBe(true);
  });
});
