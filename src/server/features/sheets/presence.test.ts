import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetPresence } from '../../../db/schema';
import { presenceSchema } from '../../../schemas/presence';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let sheetId: string;

beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
  // 地域総務課 of 令和5年度 is 承認済み: its 担当者 and 所属長 may edit it.
  sheetId = await sheetIdTitled(await t.as('admin'), '地域総務課', { fiscalYear: 2023 });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const mark = async (login: string) => {
  const res = await (await t.as(login)).send('POST', `/api/v1/sheets/${sheetId}/presence`);
  return {
    status: res.status,
    body: res.status === 200 ? presenceSchema.parse(await res.json()) : await res.json(),
  };
};

describe('編集中', () => {
  it('tells each editor who else has the sheet open, until they leave or go quiet', async () => {
    expect((await mark('somu-staff')).body).toEqual({ others: [] });
    const head = await mark('somu-head');
    expect(head.body.others.map((o: { name: string }) => o.name)).toEqual(['地域総務課 担当者（デモ）']);
    expect((await mark('somu-staff')).body.others.map((o: { name: string }) => o.name)).toEqual([
      '地域総務課長（デモ）',
    ]);

    // The head leaves the editor: the staff are alone again.
    const left = await (await t.as('somu-head')).send('DELETE', `/api/v1/sheets/${sheetId}/presence`);
    expect(left.status).toBe(200);
    expect((await mark('somu-staff')).body).toEqual({ others: [] });

    // A mark a minute old no longer counts (a closed tab, a lost connection).
    await mark('somu-head');
    await t.database.db.update(sheetPresence).set({ seenAt: sql`now() - interval '61 seconds'` });
    await mark('somu-staff');
    expect((await mark('somu-staff')).body).toEqual({ others: [] });
  });

  it('is for those who may edit the sheet', async () => {
    // Another organization's 担当者 does not learn the sheet is there (as for every sheet request).
    expect((await mark('fukushi-staff')).status).toBe(404);
    const viewer = await mark('viewer');
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.message).toMatch(/編集/);
    await t.public.get('/api/v1/auth/me');
    expect((await t.public.send('POST', `/api/v1/sheets/${sheetId}/presence`)).status).toBe(401);
    const missing = await (await t.as('somu-staff')).send(
      'POST',
      `/api/v1/sheets/${crypto.randomUUID()}/presence`,
    );
    expect(missing.status).toBe(404);
  });
});
