import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommentThreads, commentThreadsSchema } from '../../../schemas/comments';
import { progressBoardSchema } from '../../../schemas/progress';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let sheetId: string;
let planner: TestClient;
let staff: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
  planner = await t.as('kita-kikaku');
  staff = await t.as('somu-staff');
  sheetId = await sheetIdTitled(planner, '地域総務課', { fiscalYear: 2023 });
}, 60_000);
afterAll(async () => {
  await t.close();
});

const threads = async (client: TestClient, res?: Response): Promise<CommentThreads> => {
  const answer = res ?? (await client.get(`/api/v1/sheets/${sheetId}/comments`));
  expect(answer.status, await answer.clone().text()).toBeLessThan(300);
  return commentThreadsSchema.parse(await answer.json());
};

/** 未解決のコメント of the sheet on the 企画担当's 進捗管理表. */
const openOnBoard = async () => {
  const board = progressBoardSchema.parse(
    await (await planner.get(`/api/v1/progress?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)).json(),
  );
  return board.rows.find((row) => row.id === sheetId)?.openComments;
};

describe('コメント', () => {
  it('企画担当 → 担当者 → resolved on an indicator, recorded in the history without a new version', async () => {
    const before = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${sheetId}`)).json());
    const indicator = before.goals[3]?.indicators[0];
    let res = await planner.send('POST', `/api/v1/sheets/${sheetId}/comments`, {
      subject: 'indicator',
      subjectId: indicator?.indicatorId,
      body: '目標値の根拠を補足に書いてください。',
    });
    expect(res.status).toBe(201);
    let [thread] = (await threads(planner, res)).threads;
    expect(thread).toMatchObject({
      subject: 'indicator',
      subjectLabel: `指標「${indicator?.name}」`,
      resolved: null,
      comments: [
        { kind: 'comment', by: '北区 企画担当（デモ）', body: '目標値の根拠を補足に書いてください。' },
      ],
    });
    res = await staff.send('POST', `/api/v1/comment-threads/${thread?.id}/replies`, {
      body: '補足に追記しました。',
    });
    expect(res.status).toBe(201);
    expect(await openOnBoard()).toBe(1);
    res = await staff.send('POST', `/api/v1/comment-threads/${thread?.id}/resolution`, { resolved: true });
    expect(await openOnBoard()).toBe(0);
    [thread] = (await threads(staff, res)).threads;
    expect(thread?.comments.map((c) => c.by)).toEqual(['北区 企画担当（デモ）', '地域総務課 担当者（デモ）']);
    expect(thread?.resolved).toMatchObject({ by: '地域総務課 担当者（デモ）' });

    // Readable afterwards, by the 閲覧者 too; in the history; the sheet's version unchanged.
    expect((await threads(await t.as('viewer'))).threads).toHaveLength(1);
    const after = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${sheetId}`)).json());
    expect(after.version).toBe(before.version);
    const history = await (await planner.get(`/api/v1/sheets/${sheetId}/history`)).json();
    expect(
      history.entries
        .filter((e: { kind: string }) => e.kind === 'comment')
        .map((e: { action: string }) => e.action),
    ).toEqual(['resolved', 'replied', 'started']);
  });

  it('puts a 差戻し comment in a thread of its own on the sheet', async () => {
    const fukushiId = await sheetIdTitled(planner, '健康福祉課', { fiscalYear: 2023 });
    const fukushiStaff = await t.as('fukushi-staff');
    const sheet = sheetViewSchema.parse(await (await fukushiStaff.get(`/api/v1/sheets/${fukushiId}`)).json());
    let res = await fukushiStaff.send('POST', `/api/v1/sheets/${fukushiId}/transitions`, {
      transition: 'submit',
      version: sheet.version,
    });
    expect(res.status).toBe(200);
    res = await planner.send('POST', `/api/v1/sheets/${fukushiId}/transitions`, {
      transition: 'return',
      version: sheet.version + 1,
      comment: '目標2の指標を見直してください。',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const list = commentThreadsSchema.parse(
      await (await fukushiStaff.get(`/api/v1/sheets/${fukushiId}/comments`)).json(),
    );
    expect(list.threads).toEqual([
      expect.objectContaining({
        subject: 'sheet',
        subjectLabel: 'シート全体',
        resolved: null,
        comments: [
          expect.objectContaining({
            kind: 'return',
            by: '北区 企画担当（デモ）',
            body: '目標2の指標を見直してください。',
          }),
        ],
      }),
    ]);
  });

  it('says what is wrong, and who may not comment', async () => {
    const other = await t.as('fukushi-staff');
    expect(
      (await other.send('POST', `/api/v1/sheets/${sheetId}/comments`, { subject: 'sheet', body: 'x' }))
        .status,
    ).toBe(404);
    const viewer = await (await t.as('viewer')).send('POST', `/api/v1/sheets/${sheetId}/comments`, {
      subject: 'sheet',
      body: 'x',
    });
    expect(viewer.status).toBe(403);
    for (const [body, path] of [
      [{ subject: 'sheet', body: '   ' }, 'body'],
      [{ subject: 'goal', body: '確認' }, 'subjectId'],
      [{ subject: 'goal', subjectId: crypto.randomUUID(), body: '確認' }, 'subjectId'],
      [{ subject: 'page', body: '確認' }, 'subject'],
    ] as const) {
      const res = await planner.send('POST', `/api/v1/sheets/${sheetId}/comments`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    expect((await threads(planner)).threads).toHaveLength(1);
  });
});
