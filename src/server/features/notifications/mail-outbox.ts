import { and, asc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import { createTransport, type Transporter } from 'nodemailer';
import type { Database } from '../../../db/client';
import { municipalities, notifications, users } from '../../../db/schema';
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
/** No mail is begun this close to the lease's end (an SMTP exchange is cut off sooner: `socketTimeout`). */
const sendMarginMs = 90 * 1000;
/** Whose mail one pass takes at most. */
const peoplePerPass = 50;
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
      ? createTransport({
          url: config.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 60_000,
        })
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
      // A failing deadline pass must not hold back the mail: it is tried again next pass.
      try {
        await noticeOfDeadlines(this.#database.db, today, now);
        this.#deadlinesOf = today;
      } catch (error) {
        console.error('mail: deadline notices:', error);
      }
    }
    if (this.#transport && this.#config) await this.#send(now, this.#transport, this.#config);
  }

  /**
   * Claim what is due for a few people — all of each one's due rows, so a digest is one mail —
   * by moving its due time to the end of a lease that is also the claim's mark: a row is marked
   * sent or rescheduled only while it still carries our mark, and sending stops well before the
   * lease ends, so another server that takes over an expired lease never sends what we sent.
   */
  async #claim(now: Date): Promise<{ rows: Row[]; lease: Date }> {
    const lease = new Date(now.getTime() + leaseMs + Math.floor(Math.random() * 1000));
    const rows = await this.#database.db.transaction(async (tx) => {
      const due = and(eq(notifications.mailState, 'pending'), lte(notifications.mailDueAt, now));
      const people = await tx
        .selectDistinct({ userId: notifications.userId })
        .from(notifications)
        .where(due)
        .limit(peoplePerPass);
      if (people.length === 0) return [];
      const claimed = await tx
        .select()
        .from(notifications)
        .where(
          and(
            due,
            inArray(
              notifications.userId,
              people.map((p) => p.userId),
            ),
          ),
        )
        .orderBy(asc(notifications.createdAt))
        .for('update', { skipLocked: true });
      if (claimed.length > 0) {
        await tx
          .update(notifications)
          .set({ mailDueAt: lease })
          .where(
            inArray(
              notifications.id,
              claimed.map((r) => r.id),
            ),
          );
      }
      return claimed;
    });
    return { rows, lease };
  }

  /** Send what was claimed, by person: a digest as one mail, immediate ones each on its own. */
  async #send(now: Date, transport: Transporter, config: MailConfig): Promise<void> {
    const started = performance.now();
    const { rows: due, lease } = await this.#claim(now);
    if (due.length === 0) return;
    const ours = (ids: string[]) =>
      and(
        inArray(notifications.id, ids),
        eq(notifications.mailState, 'pending'),
        eq(notifications.mailDueAt, lease),
      );
    const people = await this.#database.db
      .select({
        id: users.id,
        email: users.email,
        delivery: users.mailDelivery,
        name: users.displayName,
        fromAddress: municipalities.mailFromAddress,
        fromName: municipalities.mailFromName,
      })
      .from(users)
      .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
      .where(and(inArray(users.id, [...new Set(due.map((r) => r.userId))]), eq(users.disabled, false)));
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const userId of new Set(due.map((r) => r.userId))) {
      const person = byId.get(userId);
      const theirs = due.filter((r) => r.userId === userId);
      const stale = theirs.filter((r) => now.getTime() - r.createdAt.getTime() > staleMs);
      const fresh = theirs.filter((r) => !stale.includes(r));
      if (stale.length > 0)
        await this.#giveUp(ours(stale.map((r) => r.id)), '古くなったため送りませんでした');
      if (!person?.email || person.delivery === 'none') {
        // Disabled, no address, or no mail wanted (since): kept in the app only.
        await this.#database.db
          .update(notifications)
          .set({ mailState: 'none', mailDueAt: null })
          .where(ours(fresh.map((r) => r.id)));
        continue;
      }
      const batches = person.delivery === 'digest' ? [fresh] : fresh.map((r) => [r]);
      for (const batch of batches) {
        if (batch.length === 0) continue;
        // Near the lease's end the rest is left: another pass claims it again.
        if (performance.now() - started > leaseMs - sendMarginMs) return;
        // Their municipality's own sender, else the installation's (MOKUHYO_MAIL_FROM).
        const from = person.fromAddress
          ? { name: person.fromName ?? '', address: person.fromAddress }
          : config.from;
        await this.#mail(transport, config, { to: person.email, name: person.name, from }, batch, now, ours);
      }
    }
  }

  async #mail(
    transport: Transporter,
    config: MailConfig,
    to: { to: string; name: string; from: string | { name: string; address: string } },
    batch: Row[],
    now: Date,
    ours: (ids: string[]) => SQL | undefined,
  ): Promise<void> {
    const ids = batch.map((r) => r.id);
    try {
      await transport.sendMail({
        from: to.from,
        to: { name: to.name, address: to.to },
        ...composeMail(batch, to.name, config.publicUrl),
      });
      await this.#database.db
        .update(notifications)
        .set({ mailState: 'sent', mailedAt: now, mailDueAt: null, mailError: null })
        .where(ours(ids));
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
        .where(ours(ids));
    }
  }

  async #giveUp(which: SQL | undefined, why: string): Promise<void> {
    await this.#database.db
      .update(notifications)
      .set({ mailState: 'failed', mailDueAt: null, mailError: why })
      .where(which);
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
    `通知の一覧と受け取り方の設定：${base}/notifications`,
  ].join('\n');
  const [first] = batch;
  if (batch.length === 1 && first) {
    return { subject: `【${product}】${first.subject}`, text: `${name}様\n\n${item(first)}\n${footer}` };
  }
  return {
    subject: `【${product}】通知のまとめ（${batch.length}件）`,
    text: `${name}様\n\n前回のメール以降の通知が${batch.length}件あります（古い順）。\n\n${batch.map(item).join('\n\n')}\n${footer}`,
  };
}
