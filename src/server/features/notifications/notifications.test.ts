import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../../db/schema';
import { mailDueAt } from '../../../domain/notifications';
import { type NotificationList, notificationListSchema } from '../../../schemas/notifications';
import { sheetViewSchema } from '../../../schemas/sheet-edit';
import type { Clock } from '../../clock';
import { sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { noticeOfDeadlines } from './deadline-notices';
import { MailOutbox } from './mail-outbox';

let t: TestApp;
let smtp: SmtpSink;
let sheetId: string;
let staff: TestClient;
let head: TestClient;
let planner: TestClient;
const publicUrl = 'https://mokuhyo.city.example.lg.jp';

/** A clock the test sets: the outbox sees this instant (notifications are made at the real one). */
let now = new Date(Date.now() + 1000);
const clock: Clock = { now: () => now, sleep: async () => {} };
const outbox = (smtpUrl: string | null) =>
  new MailOutbox(t.database, smtpUrl ? { smtpUrl, from: 'mokuhyo@city.example.lg.jp', publicUrl } : null, {
    clock,
  });

beforeAll(async () => {
  smtp = new SmtpSink();
  await smtp.start();
  t = await createTestApp({ app: { mailEnabled: true } });
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
  staff = await t.as('fukushi-staff');
  head = await t.as('fukushi-head');
  planner = await t.as('kita-kikaku');
  sheetId = await sheetIdTitled(planner, '健康福祉課', { fiscalYear: 2023 });
}, 60_000);
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

async function listOf(client: TestClient): Promise<NotificationList> {
  const res = await client.get('/api/v1/notifications');
  expect(res.status).toBe(200);
  return notificationListSchema.parse(await res.json());
}

async function move(client: TestClient, transition: string, comment?: string) {
  const sheet = sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${sheetId}`)).json());
  const res = await client.send('POST', `/api/v1/sheets/${sheetId}/transitions`, {
    transition,
    version: sheet.version,
    ...(comment ? { comment } : {}),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('通知', () => {
  it('tells the 所属長 of a 提出 in the app and, chosen so, by mail at once: Japanese, with the link', async () => {
    const settings = await head.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'immediate' });
    expect(await settings.json()).toEqual({
      email: 'fukushi-head@example.jp',
      mailDelivery: 'immediate',
      mailEnabled: true,
    });
    await move(staff, 'submit');
    const list = await listOf(head);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'transition',
      subject: '健康福祉課（令和5年度）が提出されました',
      link: `/sheets/${sheetId}`,
      read: false,
      mail: 'pending',
    });
    // Nobody is told of what they did themselves; the 担当者 of another organization hears nothing.
    expect((await listOf(staff)).items).toEqual([]);
    expect((await listOf(await t.as('somu-head'))).items).toEqual([]);

    now = new Date(Date.now() + 1000);
    await outbox(smtp.url).runOnce();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toMatchObject({
      value: [{ address: 'fukushi-head@example.jp', name: '健康福祉課長（デモ）' }],
    });
    expect(mail?.from?.value[0]?.address).toBe('mokuhyo@city.example.lg.jp');
    expect(mail?.subject).toBe('【組織目標管理】健康福祉課（令和5年度）が提出されました');
    expect(mail?.text).toContain('健康福祉課 担当者（デモ）さんが提出しました。');
    expect(mail?.text).toContain(`${publicUrl}/sheets/${sheetId}`);
    expect((await listOf(head)).items[0]?.mail).toBe('sent');
    // A second pass sends nothing again.
    await outbox(smtp.url).runOnce();
    expect(smtp.received).toHaveLength(1);

    const read = await head.send('POST', '/api/v1/notifications/read', {});
    expect(notificationListSchema.parse(await read.json()).unread).toBe(0);
  });

  it('gathers a 担当者’s day into one digest the next morning at 8:00 (Japan time)', async () => {
    smtp.received.length = 0;
    now = new Date(Date.now() + 1000);
    await move(head, 'return', '目標2の指標を見直してください。');
    const thread = await planner.send('POST', `/api/v1/sheets/${sheetId}/comments`, {
      subject: 'sheet',
      body: '期限までに再提出をお願いします。',
    });
    expect(thread.status).toBe(201);
    const mine = await listOf(staff);
    expect(mine.items.map((n) => n.subject)).toEqual([
      '健康福祉課（令和5年度）：シート全体にコメントがあります',
      '健康福祉課（令和5年度）が差し戻されました',
    ]);
    expect(mine.items.find((n) => n.kind === 'transition')?.body).toContain(
      'コメント：目標2の指標を見直してください。',
    );

    await outbox(smtp.url).runOnce();
    expect(smtp.received.filter((m) => JSON.stringify(m.to).includes('fukushi-staff'))).toEqual([]);

    now = mailDueAt(new Date(), 'digest'); // the next 8:00 in Japan
    expect(now.toISOString()).toMatch(/T23:00:00.000Z$/);
    await outbox(smtp.url).runOnce();
    const digests = smtp.received.filter((m) => JSON.stringify(m.to).includes('fukushi-staff@example.jp'));
    expect(digests).toHaveLength(1);
    expect(digests[0]?.subject).toMatch(/^【組織目標管理】通知のまとめ（\d+件）$/);
    expect(digests[0]?.text).toContain('健康福祉課（令和5年度）が差し戻されました');
    expect(digests[0]?.text).toContain('期限までに再提出をお願いします。');
    expect(digests[0]?.text).toContain(`${publicUrl}/notifications`);
  });

  it('keeps working while the mail server is down, and sends once it is back', async () => {
    smtp.received.length = 0;
    await smtp.stop();
    await move(staff, 'submit');
    await outbox(smtp.url).runOnce();
    expect((await t.public.get('/api/health')).status).toBe(200);
    const waiting = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.mailState, 'pending'), gt(notifications.mailAttempts, 0)));
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]?.mailError).toBeTruthy();

    await smtp.start();
    await outbox(smtp.url).runOnce(); // too early: the retry waits a minute
    expect(smtp.received).toHaveLength(0);
    now = new Date(now.getTime() + 61_000);
    await outbox(smtp.url).runOnce();
    expect(smtp.received.map((m) => m.subject)).toContain(
      '【組織目標管理】健康福祉課（令和5年度）が提出されました',
    );
  });

  it('sends each mail once when two servers’ outboxes run at the same time', async () => {
    smtp.received.length = 0;
    await head.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'immediate' });
    for (const body of ['一つ目の確認です。', '二つ目の確認です。', '三つ目の確認です。']) {
      const res = await planner.send('POST', `/api/v1/sheets/${sheetId}/comments`, {
        subject: 'sheet',
        body,
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    now = new Date(Date.now() + 1000);
    await Promise.all([outbox(smtp.url).runOnce(), outbox(smtp.url).runOnce()]);
    const toHead = smtp.received.filter((m) => JSON.stringify(m.to).includes('fukushi-head@example.jp'));
    expect(toHead.map((m) => m.text?.match(/(.)つ目の確認です/)?.[1]).sort()).toEqual(['一', '三', '二']);
  });

  it('mails from the municipality’s own sender once its 管理者 sets one, and from the installation’s again after', async () => {
    const admin = await t.as('admin');
    const read = await admin.get('/api/v1/mail-sender');
    expect(await read.json()).toEqual({ own: null, installation: null, mailEnabled: true });
    // Refused with its field, and nothing changed; only the 管理者 may.
    const bad = await admin.send('PUT', '/api/v1/mail-sender', { address: 'kita at city' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('"path":"address"');
    expect((await head.send('PUT', '/api/v1/mail-sender', { address: 'a@example.jp' })).status).toBe(403);
    expect((await (await admin.get('/api/v1/mail-sender')).json()).own).toBeNull();

    const set = await admin.send('PUT', '/api/v1/mail-sender', {
      address: 'mokuhyo@city.niigata.example.jp',
      name: '新潟市 組織目標管理',
    });
    expect((await set.json()).own).toEqual({
      address: 'mokuhyo@city.niigata.example.jp',
      name: '新潟市 組織目標管理',
    });
    const comment = async (body: string) => {
      smtp.received.length = 0;
      await head.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'immediate' });
      const res = await planner.send('POST', `/api/v1/sheets/${sheetId}/comments`, {
        subject: 'sheet',
        body,
      });
      expect(res.status, await res.clone().text()).toBe(201);
      now = new Date(Date.now() + 1000);
      await outbox(smtp.url).runOnce();
      return smtp.received.find((m) => JSON.stringify(m.to).includes('fukushi-head@example.jp'))?.from
        ?.value[0];
    };
    expect(await comment('送信元の確認です。')).toEqual({
      address: 'mokuhyo@city.niigata.example.jp',
      name: '新潟市 組織目標管理',
    });
    expect((await admin.send('DELETE', '/api/v1/mail-sender')).status).toBe(200);
    expect((await comment('既定の送信元の確認です。'))?.address).toBe('mokuhyo@city.example.lg.jp');
  });

  it('sends nothing when no mail server is set; the app still lists every notification', async () => {
    smtp.received.length = 0;
    await move(head, 'approve');
    now = new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000);
    await outbox(null).runOnce();
    expect(smtp.received).toEqual([]);
    expect((await listOf(staff)).items[0]?.subject).toBe('健康福祉課（令和5年度）が承認されました');
  });

  it('says what is wrong with a bad setting, and reads only one’s own', async () => {
    const bad = await staff.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'weekly' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe('mailDelivery');
    const others = (await listOf(head)).items.map((n) => n.id);
    await staff.send('POST', '/api/v1/notifications/read', { ids: others });
    expect((await listOf(head)).items.filter((n) => !n.read).length).toBeGreaterThan(0);
    expect((await t.public.get('/api/v1/notifications')).status).toBe(401);
  });

  it('announces a deadline 3 開庁日 ahead across ゴールデンウィーク, once; then that it has passed', async () => {
    const res = await planner.send('PUT', '/api/v1/deadlines', {
      ward: '北区',
      fiscalYear: 2023,
      deadlines: { plan: '2023-04-10', revision: '2023-05-08', evaluation: '2023-05-10' },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const soon = async () =>
      (await listOf(staff)).items.filter((n) => n.kind === 'deadlineSoon').map((n) => n.subject);
    // 4/27 (Thu): 4/28, 5/1, 5/2 and 5/8 are four 開庁日 away (5/3–5/7 closed).
    expect(await noticeOfDeadlines(t.database.db, '2023-04-27')).toBe(0);
    expect(await soon()).toEqual([]);
    // 4/28 (Fri): three. The 担当者 and the 所属長 of each approved sheet hear of it once.
    const told = await noticeOfDeadlines(t.database.db, '2023-04-28');
    expect(told).toBeGreaterThan(0);
    expect(await noticeOfDeadlines(t.database.db, '2023-04-28')).toBe(0);
    expect(await soon()).toEqual([
      '健康福祉課（令和5年度）：修正・実績入力の期限が近づいています（令和5年5月8日）',
    ]);

    expect(await noticeOfDeadlines(t.database.db, '2023-05-11')).toBeGreaterThan(0);
    const overdue = (await listOf(planner)).items.filter((n) => n.kind === 'overdue').map((n) => n.subject);
    expect(overdue).toContain('健康福祉課（令和5年度）：評価の期限を過ぎています');
    expect(await noticeOfDeadlines(t.database.db, '2023-05-12')).toBe(0);
  });
});
