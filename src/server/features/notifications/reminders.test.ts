import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema';
import { bulkResultSchema } from '../../../schemas/bulk-action';
import { notificationListSchema } from '../../../schemas/notifications';
import { type ProgressBoard, progressBoardSchema } from '../../../schemas/progress';
import { importThroughApi } from '../../testing/import-through-api';
import { settledJob } from '../../testing/jobs';
import { nextYearDeadlines, nextYearFixture } from '../../testing/next-year-fixture';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { loadJobOwner } from '../jobs/job-owner';
import { runBulkAction } from '../progress/run-bulk-action';
import { MailOutbox } from './mail-outbox';

let t: TestApp;
let smtp: SmtpSink;
let planner: TestClient;
const kita = encodeURIComponent('北区');

/** 令和5年度: 地域総務課 承認済み, 健康福祉課 下書き, the other six published; deadlines set. */
beforeAll(async () => {
  smtp = new SmtpSink();
  await smtp.start();
  t = await createTestApp({ app: { mailEnabled: true } });
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
  planner = await t.as('kita-kikaku');
  const res = await planner.send('PUT', '/api/v1/deadlines', nextYearDeadlines);
  expect(res.status, await res.clone().text()).toBe(200);
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function board(): Promise<ProgressBoard> {
  const res = await planner.get(`/api/v1/progress?fiscalYear=2023&ward=${kita}`);
  return progressBoardSchema.parse(await res.json());
}

const remind = (client: TestClient, rows: ProgressBoard['rows'], comment?: string) =>
  client.send('POST', '/api/v1/jobs/bulk-action', {
    action: 'remind',
    sheets: rows.map((r) => ({ id: r.id, version: r.version })),
    ...(comment ? { comment } : {}),
  });

describe('督促', () => {
  it('asks the people of each open sheet, by notice and mail, in the history; refuses the finished ones', async () => {
    const before = await board();
    const fukushiHead = await t.as('fukushi-head');
    await fukushiHead.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'immediate' });
    const job = await settledJob(planner, await remind(planner, before.rows, '今週中に入力をお願いします。'));
    const result = bulkResultSchema.parse(job.result);
    expect(result).toMatchObject({ action: 'remind', done: 2, refused: 6 });
    const done = result.sheets.filter((s) => s.outcome === 'done').map((s) => s.title);
    expect(done.sort()).toEqual(['健康福祉課', '地域総務課']);
    for (const refused of result.sheets.filter((s) => s.outcome === 'refused')) {
      expect(refused.reason).toBe('このシートは現在「公開」のため、督促はできません。');
    }

    // The 担当者 reads it in the app: the step, the deadline, the 企画担当's words.
    const staff = await t.as('fukushi-staff');
    const list = notificationListSchema.parse(await (await staff.get('/api/v1/notifications')).json());
    expect(list.items[0]).toMatchObject({
      kind: 'reminder',
      subject: '【督促】健康福祉課（令和5年度）の作成・提出をお願いします',
      read: false,
    });
    expect(list.items[0]?.body).toBe(
      '北区 企画担当（デモ）さんからの督促です。\n期限：令和5年4月28日\n今週中に入力をお願いします。',
    );
    const somuStaff = await t.as('somu-staff');
    const somu = notificationListSchema.parse(await (await somuStaff.get('/api/v1/notifications')).json());
    expect(somu.items[0]?.subject).toBe(
      '【督促】地域総務課（令和5年度）の実績の入力・評価の提出をお願いします',
    );
    expect(somu.items[0]?.body).toContain('期限：令和5年10月31日');

    // The 所属長 who takes mail at once gets it through the SMTP server.
    await new MailOutbox(t.database, {
      smtpUrl: smtp.url,
      from: 'mokuhyo@city.example.lg.jp',
      publicUrl: 'https://mokuhyo.city.example.lg.jp',
    }).runOnce();
    const mail = smtp.received.find((m) => m.subject?.includes('督促'));
    expect(mail?.to).toMatchObject({ value: [{ address: 'fukushi-head@example.jp' }] });
    expect(mail?.subject).toBe('【組織目標管理】【督促】健康福祉課（令和5年度）の作成・提出をお願いします');

    // The history says who asked and when; the sheet is unchanged, its version too.
    const fukushi = before.rows.find((r) => r.title === '健康福祉課');
    const history = await (await planner.get(`/api/v1/sheets/${fukushi?.id}/history`)).json();
    expect(history.entries[0]).toMatchObject({
      kind: 'reminder',
      actor: '北区 企画担当（デモ）',
      comment: '今週中に入力をお願いします。',
    });
    // A 督促 asks for a change and makes none: the board's 最終更新 stays what it was.
    const after = await board();
    const now = after.rows.find((r) => r.title === '健康福祉課');
    expect(now).toMatchObject({ version: fukushi?.version, status: 'draft' });
    expect(now?.lastChange).toEqual(fukushi?.lastChange);
  });

  it('tells nobody twice when its job is tried again', async () => {
    const rows = (await board()).rows.filter((r) => r.title === '健康福祉課');
    const [user] = await t.database.db.select().from(users).where(eq(users.loginId, 'kita-kikaku'));
    const owner = await loadJobOwner(t.database.db, user?.id ?? '');
    const attempt = () =>
      runBulkAction(t.database.db, {
        action: 'remind',
        sheets: rows.map((r) => ({ id: r.id, version: r.version })),
        actor: owner.actor,
        by: { id: owner.id, name: owner.displayName },
        jobId: '3f6f1b9e-5d0c-4c1e-9a43-0c1f0e6b7a11',
        onProgress: () => {},
      });
    const staff = await t.as('fukushi-staff');
    const reminders = async () =>
      notificationListSchema
        .parse(await (await staff.get('/api/v1/notifications')).json())
        .items.filter((n) => n.kind === 'reminder').length;
    const before = await reminders();
    expect((await attempt()).done).toBe(1);
    expect(await reminders()).toBe(before + 1);
    expect((await attempt()).done).toBe(1);
    expect(await reminders()).toBe(before + 1);
  });

  it('is the 企画担当’s: a 所属長 is refused, and a sheet nobody works on says so', async () => {
    const rows = (await board()).rows.filter((r) => r.title === '健康福祉課');
    const head = await t.as('fukushi-head');
    const job = await settledJob(head, await remind(head, rows));
    const refused = bulkResultSchema.parse(job.result).sheets[0];
    expect(refused).toMatchObject({ outcome: 'refused' });
    expect(refused?.reason).toBe('このシートの督促を行う権限がありません。');

    // Without a 担当者 or 所属長, nobody would hear it: refused, and nothing is recorded.
    await t.database.db
      .update(users)
      .set({ disabled: true })
      .where(inArray(users.loginId, ['fukushi-staff', 'fukushi-head']));
    const entries = async () =>
      (await (await planner.get(`/api/v1/sheets/${rows[0]?.id}/history`)).json()).entries.length;
    const recorded = await entries();
    const alone = bulkResultSchema.parse((await settledJob(planner, await remind(planner, rows))).result);
    expect(alone.sheets[0]?.reason).toMatch(
      /^このシートの担当者・所属長が登録されていないため、督促できません。/,
    );
    expect(await entries()).toBe(recorded);
  });
});
