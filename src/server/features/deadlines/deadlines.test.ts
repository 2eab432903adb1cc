import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('deadlines of a ward year', () => {
  it('are set by the 企画担当 and mark the sheets that missed them', async () => {
    const planner = await t.as('kita-kikaku');
    await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 });
    const deadlines = { plan: '2023-04-01', revision: '2023-10-01', evaluation: '2024-03-31' };
    const res = await planner.send('PUT', '/api/v1/deadlines', { ward: '北区', fiscalYear: 2023, deadlines });
    expect(res.status, await res.clone().text()).toBe(200);
    const list = wardYearSheetsSchema.parse(
      await (await planner.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)).json(),
    );
    expect(list.deadlines).toEqual(deadlines);
    // Today (2026) is past both deadlines: the rolled-over drafts are overdue for planning.
    expect(list.sheets.every((s) => s.phase === 'plan' && s.overdue === 'plan')).toBe(true);
    const done = wardYearSheetsSchema.parse(
      await (await planner.get(`/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`)).json(),
    );
    expect(done.sheets.every((s) => s.phase === 'done' && s.overdue === null)).toBe(true);
  });

  it('refuses deadlines out of order and people other than the 企画担当', async () => {
    const planner = await t.as('kita-kikaku');
    const bad = await planner.send('PUT', '/api/v1/deadlines', {
      ward: '北区',
      fiscalYear: 2023,
      deadlines: { plan: '2023-05-01', revision: '2023-04-01', evaluation: null },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('deadlines.revision');
    const staff = await t.as('somu-staff');
    const denied = await staff.send('PUT', '/api/v1/deadlines', {
      ward: '北区',
      fiscalYear: 2023,
      deadlines: { plan: null, revision: null, evaluation: null },
    });
    expect(denied.status).toBe(403);
  });
});
