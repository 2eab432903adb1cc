import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkResultSchema } from '../../../schemas/bulk-action';
import { type ProgressBoard, progressBoardSchema } from '../../../schemas/progress';
import { sheetFileTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { settledJob } from '../../testing/jobs';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let planner: TestClient;

/** 令和5年度 as the 企画担当 finds it at publication: six sheets 評価確定, 地域総務課 承認済み, 健康福祉課 下書き. */
beforeAll(async () => {
  t = await createTestApp();
  const file = nextYearFixture();
  for (const sheet of file.sheets) {
    if (sheet.status === 'published') sheet.status = 'evaluated';
  }
  expect(sheetFileTitled(file, '健康福祉課').status).toBe('draft');
  expect((await importThroughApi(await t.as('admin'), file)).status).toBe(200);
  planner = await t.as('kita-kikaku');
}, 60_000);
afterAll(async () => {
  await t.close();
});

async function board(): Promise<ProgressBoard> {
  const res = await planner.get(`/api/v1/progress?fiscalYear=2023&ward=${encodeURIComponent('北区')}`);
  return progressBoardSchema.parse(await res.json());
}

const chosen = (b: ProgressBoard) => b.rows.map((r) => ({ id: r.id, version: r.version }));

describe('一括操作', () => {
  it('publishes each sheet it may and says why for the others, each in its own history', async () => {
    const before = await board();
    const job = await settledJob(
      planner,
      await planner.send('POST', '/api/v1/jobs/bulk-action', { action: 'publish', sheets: chosen(before) }),
    );
    expect(job).toMatchObject({ state: 'done', done: 8, total: 8 });
    const result = bulkResultSchema.parse(job.result);
    expect(result).toMatchObject({ action: 'publish', done: 6, refused: 2 });
    expect(result.sheets.map((s) => s.title)).toEqual(before.rows.map((r) => r.title));
    const refused = result.sheets.filter((s) => s.outcome === 'refused');
    expect(refused).toEqual([
      expect.objectContaining({
        title: '地域総務課',
        status: 'approved',
        reason: 'このシートは現在「承認済み（修正・実績入力）」のため、公開はできません。',
      }),
      expect.objectContaining({
        title: '健康福祉課',
        status: 'draft',
        reason: 'このシートは現在「下書き」のため、公開はできません。',
      }),
    ]);
    const after = await board();
    expect(after.totals.phases.done).toBe(6);
    expect(after.rows.filter((r) => r.status === 'published')).toHaveLength(6);
    const museum = after.rows.find((r) => r.title === '北区郷土博物館');
    expect(museum?.lastChange).toMatchObject({ by: '北区 企画担当（デモ）', what: '公開' });
    const history = await (await planner.get(`/api/v1/sheets/${museum?.id}/history`)).json();
    expect(history.entries.filter((e: { action: string }) => e.action === 'publish')).toHaveLength(1);
  });

  it('refuses a sheet changed since the board was read, and one the user may not move', async () => {
    const stale = await board();
    const staff = await t.as('fukushi-staff');
    const fukushi = stale.rows.find((r) => r.title === '健康福祉課');
    if (!fukushi) throw new Error('no 健康福祉課');
    expect(
      (
        await staff.send('POST', `/api/v1/sheets/${fukushi.id}/transitions`, {
          transition: 'submit',
          version: fukushi.version,
        })
      ).status,
    ).toBe(200);
    // 健康福祉課 moved on since the board was read; 地域総務課 is 承認済み (no 差戻し there).
    const somu = stale.rows.find((r) => r.title === '地域総務課');
    const job = await settledJob(
      planner,
      await planner.send('POST', '/api/v1/jobs/bulk-action', {
        action: 'return',
        comment: '指標の見直しをお願いします。',
        sheets: [fukushi, somu].map((r) => ({ id: r?.id, version: r?.version })),
      }),
    );
    const result = bulkResultSchema.parse(job.result);
    expect(result).toMatchObject({ done: 0, refused: 2 });
    expect(result.sheets[0]?.reason).toMatch(/他の|更新/);
    expect(result.sheets[1]?.reason).toBe(
      'このシートは現在「承認済み（修正・実績入力）」のため、差戻しはできません。',
    );

    // 担当者 may not return anything: each sheet says so, nothing changes.
    const now = await board();
    const staffJob = await settledJob(
      staff,
      await staff.send('POST', '/api/v1/jobs/bulk-action', {
        action: 'return',
        comment: '戻します',
        sheets: now.rows
          .filter((r) => r.title === '健康福祉課')
          .map((r) => ({ id: r.id, version: r.version })),
      }),
    );
    const refused = bulkResultSchema.parse(staffJob.result).sheets[0];
    expect(refused).toMatchObject({ outcome: 'refused', status: 'submitted' });
    expect(refused?.reason).toMatch(/権限がありません/);
  });

  it('checks the request before starting: the comment a 差戻し needs, the sheets, sign-in', async () => {
    const b = await board();
    const cases: [unknown, string][] = [
      [{ action: 'return', sheets: chosen(b) }, 'comment'],
      [{ action: 'publish', sheets: [] }, 'sheets'],
      [{ action: 'delete', sheets: chosen(b) }, 'action'],
      [{ action: 'publish', sheets: [chosen(b)[0], chosen(b)[0]] }, 'sheets[1].id'],
    ];
    for (const [body, path] of cases) {
      const res = await planner.send('POST', '/api/v1/jobs/bulk-action', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    await t.public.get('/api/v1/auth/me');
    const res = await t.public.send('POST', '/api/v1/jobs/bulk-action', {
      action: 'publish',
      sheets: chosen(b),
    });
    expect(res.status).toBe(401);
  });
});
