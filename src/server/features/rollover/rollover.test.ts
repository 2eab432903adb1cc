import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../db/seed/niigata-kita-2022.json';
import type { RolloverSummary } from '../../../schemas/answers';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
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

const sheetsOf = async (year: number) =>
  wardYearSheetsSchema.parse(
    await (await planner.get(`/api/v1/sheets?fiscalYear=${year}&ward=${encodeURIComponent('北区')}`)).json(),
  ).sheets;

describe('rolling a ward over to the next year', () => {
  it('creates every 令和5年度 sheet as a draft whose R2–R4実績 are the stored results of the same series', async () => {
    const res = await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 });
    expect(res.status, await res.clone().text()).toBe(201);
    const summary = (await res.json()) as RolloverSummary;
    expect(summary.created).toHaveLength(8);
    expect(summary.skipped).toEqual([]);

    const before = await sheetsOf(2022);
    const after = await sheetsOf(2023);
    expect(after.map((s) => s.title)).toEqual(before.map((s) => s.title));
    expect(after.every((s) => s.status === 'draft')).toBe(true);
    expect(after.reduce((n, s) => n + s.indicatorCount, 0)).toBe(43);

    let checked = 0;
    for (const [i, s] of sample.sheets.entries()) {
      const oldSheet = sheetViewSchema.parse(
        await (await planner.get(`/api/v1/sheets/${before[i]?.id}`)).json(),
      );
      const newSheet = sheetViewSchema.parse(
        await (await planner.get(`/api/v1/sheets/${after[i]?.id}`)).json(),
      );
      expect(newSheet.fiscalYear).toBe(2023);
      expect(newSheet.goals.map((g) => g.text)).toEqual(s.goals.map((g) => g.text));
      newSheet.goals.forEach((goal, gi) => {
        goal.indicators.forEach((ind, ii) => {
          const old = oldSheet.goals[gi]?.indicators[ii];
          const file = s.goals[gi]?.indicators[ii];
          if (!old || !file) throw new Error('shape changed');
          // One series across the years: the same indicator id on both sheets.
          expect(ind.indicatorId).toBe(old.indicatorId);
          expect(ind.actuals.map((a) => a.fiscalYear)).toEqual([2020, 2021, 2022]);
          expect(ind.actuals.map((a) => ({ text: a.text, value: a.value }))).toEqual([
            file.actuals['2020'],
            file.actuals['2021'],
            file.result,
          ]);
          expect(ind.target).toEqual({ text: null, value: null, breakdown: [] });
          expect(ind.result.text).toBeNull();
          expect(ind.evaluation).toBeNull();
          expect(ind.note).toBe(file.note);
          checked++;
        });
      });
    }
    expect(checked).toBe(43);
  });

  it('leaves sheets that already exist, and is for the 企画担当 only', async () => {
    const again = await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 });
    expect(((await again.json()) as RolloverSummary).skipped).toHaveLength(8);
    const staff = await t.as('somu-staff');
    expect((await staff.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 })).status).toBe(403);
    expect((await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2030 })).status).toBe(
      404,
    );
  });

  it('keeps the 2022 sheets as they were', async () => {
    const list = await sheetsOf(2022);
    const somuId = list.find((s) => s.title === '地域総務課')?.id;
    const somu = sheetViewSchema.parse(await (await planner.get(`/api/v1/sheets/${somuId}`)).json());
    expect(indicatorNamed(somu, '定時退庁推進日実施率')).toMatchObject({
      target: { text: '50' },
      result: { text: '48.2' },
      evaluation: '未達成',
    });
  });
});
