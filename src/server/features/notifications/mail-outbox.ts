import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Database } from '../../../db/client';
import { notifications, users } from '../../../db/schema';
import { formatJapaneseDate } from '../../../domain/fiscal-year';
import { mailAttemptLimit, mailRetryDelayMs } from '../../../domain/notifications';
import { type Clock, systemClock, todayInJapan } from '../../clock';
import { noticeOfDeadlines } from './deadline-notices';

export interface MailConfig {
  /** The city's SMTP server: smtp://mail.example.lg.jp:25 (smtps:// for TLS from the start). */
  smtpUrl: string;
  /** The sender: mokuhyo@city.example.lg.jp. */
  from: string;
  /** Where staff reach the app, for the links in mails: https://mokuhyo.city.example.lg.jp. */
  publicUrl: string;
}

type Row = typeof notifications.$inferSelect;

/** A claimed mail is left to its server this long before another may try it. */
const leaseMs = 5 * 60 * 1000;
/** A mail this old that could never be sent is given up: its news is stale. */
const staleMs = 7 * 24 * 60 * 60 * 1000;
const product = '組織目標管理';

/**
 * 通知 by e-mail. Every `intervalMs` one server (any of them: rows are claimed with SKIP LOCKED
 * and leased) takes the mails that are due, sends each user's digest as one mail and each
 * immediate one on its own, and marks them sent; a mail the server refuses, or a server that
 * cannot be reached, is tried again after a growing wait. Requests never wait on mail. Once a
 * day it also announces near and missed deadlines (`noticeOfDeadlines`).
 */
export class MailOutbox {
  readonly #database: Database;
  readonly #config: MailConfig | null;
  readonly #clock: Clock;
  readonly #intervalMs: number;
  readonly #transport: Transporter | null;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  #deadlinesOf: string | null = null;

  constructor(
    database: Database,
    config: MailConfig | null,
    options: { clock?: Clock; intervalMs?: number } = {},
  ) {
    this.#database = database;
    this.#config = config;
    this.#clock = options.clock ?? systemClock;
    this.#intervalMs = options.intervalMs ?? 30_000;
    this.#transport = config
      ? createTransport({ url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000 })
      : null;
  }

  start(): void {
    this.#timer = setInterval(() => void this.runOnce(), this.#intervalMs);
    this.#timer.unref();
    void this.runOnce();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
    this.#transport?.close();
  }

  /** One pass (the timer's; tests call it): the day's deadline notices, then the mails due. */
  runOnce(): Promise<void> {
    this.#running ??= this.#pass()
      .catch((error) => console.error('mail:', error))
      .finally(() => {
        this.#running = null;
      });
    return this.#running;
  }

  async #pass(): Promise<void> {
    const now = this.#clock.now();
    const today = todayInJapan(now);
    if (this.#deadlinesOf !== today) {
      await noticeOfDeadlines(this.#database.db, today, now);
      this.#deadlinesOf = today;
    }
    if (this.#transport && this.#config) await this.#send(now, this.#transport, this.#config);
  }

  /** Take what is due (leased, so no other server sends it meanwhile) and send it by user. */
  async #send(now: Date, transport: Transporter, config: MailConfig): Promise<void> {
    const { db } = this.#database;
    const due = await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.mailState, 'pending'), lte(notifications.mailDueAt, now)))
        .orderBy(asc(notifications.mailDueAt))
        .limit(500)
        .for('update', { skipLocked: true });
      if (rows.length > 0) {
        await tx
          .update(notifications)
          .set({ mailDueAt: new Date(now.getTime() + leaseMs) })
          .where(
            inArray(
              notifications.id,
              rows.map((r) => r.id),
            ),
          );
      }
      return rows;
    });
    if (due.length === 0) return;
    const people = await db
      .select({ id: users.id, email: users.email, delivery: users.mailDelivery, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(due.map((r) => r.userId))]));
    for (const person of people) {
      const theirs = due.filter((r) => r.userId === person.id);
      const stale = theirs.filter((r) => now.getTime() - r.createdAt.getTime() > staleMs);
      const fresh = theirs.filter((r) => !stale.includes(r));
      if (stale.length > 0) await this.#giveUp(stale, '古くなったため送りませんでした');
      if (!person.email || person.delivery === 'none') {
        await db
          .update(notifications)
          .set({ mailState: 'none', mailDueAt: null })
          .where(
            inArray(
              notifications.id,
              fresh.map((r) => r.id),
            ),
          );
        continue;
      }
      const batches = person.delivery === 'digest' ? [fresh] : fresh.map((r) => [r]);
      for (const batch of batches) {
        if (batch.length === 0) continue;
        await this.#mail(transport, config, { to: person.email, name: person.name }, batch, now);
      }
    }
  }

  async #mail(
    transport: Transporter,
    config: MailConfig,
    to: { to: string; name: string },
    batch: Row[],
    now: Date,
  ): Promise<void> {
    const ids = batch.map((r) => r.id);
    try {
      await transport.sendMail({
        from: config.from,
        to: { name: to.name, address: to.to },
        ...composeMail(batch, to.name, config.publicUrl),
      });
      await this.#database.db
        .update(notifications)
        .set({ mailState: 'sent', mailedAt: now, mailDueAt: null, mailError: null })
        .where(inArray(notifications.id, ids));
    } catch (error) {
      const attempts = Math.max(...batch.map((r) => r.mailAttempts)) + 1;
      const message = error instanceof Error ? error.message : String(error);
      await this.#database.db
        .update(notifications)
        .set({
          mailAttempts: attempts,
          mailError: message.slice(0, 500),
          mailState: attempts >= mailAttemptLimit ? 'failed' : 'pending',
          mailDueAt:
            attempts >= mailAttemptLimit ? null : new Date(now.getTime() + mailRetryDelayMs(attempts)),
        })
        .where(inArray(notifications.id, ids));
    }
  }

  async #giveUp(rows: Row[], why: string): Promise<void> {
    await this.#database.db
      .update(notifications)
      .set({ mailState: 'failed', mailDueAt: null, mailError: why })
      .where(
        inArray(
          notifications.id,
          rows.map((r) => r.id),
        ),
      );
  }
}

/** The mail of one notification, or a day's digest of several: Japanese, plain text, with links. */
function composeMail(
  batch: readonly Row[],
  name: string,
  publicUrl: string,
): { subject: string; text: string } {
  const base = publicUrl.replace(/\/+$/, '');
  const item = (r: Row) => `■ ${r.subject}\n${r.body}\n${base}${r.link}`;
  const footer = [
    '',
    '―――',
    `このメールは${product}システムから自動で送信しています。返信はできません。`,
    `通知の一覧と受け取り方の設定: ${base}/notifications`,
  ].join('\n');
  const [first] = batch;
  if (batch.length === 1 && first) {
    return { subject: `【${product}】${first.subject}`, text: `${name}様\n\n${item(first)}\n${footer}` };
  }
  const day = formatJapaneseDate(todayInJapan(first?.createdAt ?? new Date()));
  return {
    subject: `【${product}】${day}からの通知（${batch.length}件）`,
    text: `${name}様\n\n${day}からの通知が${batch.length}件あります。\n\n${batch.map(item).join('\n\n')}\n${footer}`,
  };
}
