import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetHistory } from '../../../db/schema';
import { sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('concurrent saves of one sheet', () => {
  it('50 saves from one version: exactly one wins, 49 get 409 with the current sheet, nothing is lost', async () => {
    const staff = await t.as('somu-staff');
    const id = await sheetIdTitled(staff, '地域総務課', { fiscalYear: 2023 });
    const start = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${id}`)).json());

    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const document = toSheetDocument(start);
        document.outcome = `保存 ${i}`;
        return staff.send('PUT', `/api/v1/sheets/${id}`, { version: start.version, document });
      }),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);

    const winner = responses.findIndex((r) => r.status === 200);
    const conflict = await responses.find((r) => r.status === 409)?.json();
    expect(conflict.error.message).toMatch(/他の人が先に保存しました/);
    expect(conflict.error.details.current).toMatchObject({
      version: start.version + 1,
      outcome: `保存 ${winner}`,
    });

    const final = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${id}`)).json());
    expect(final).toMatchObject({ version: start.version + 1, outcome: `保存 ${winner}` });
    const edits = await t.database.db.select().from(sheetHistory).where(eq(sheetHistory.sheetId, id));
    const editEntries = edits.filter((e) => e.kind === 'edit');
    expect(editEntries).toHaveLength(1);
    expect(editEntries[0]?.changes).toEqual([
      expect.objectContaining({ path: 'outcome', before: null, after: `保存 ${winner}` }),
    ]);

    // The losers build on the current version and succeed one after another.
    const next = toSheetDocument(final);
    next.outcome = '最新の版に基づく保存';
    const retry = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: final.version, document: next });
    expect(retry.status).toBe(200);
  }, 60_000);
});
