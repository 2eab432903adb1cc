import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { notificationKinds } from '../../domain/notifications';
import { sheets } from './sheets';
import { users } from './users';

/**
 * 通知: one per recipient and event, written in the transaction of the change it tells of. The
 * row is also its e-mail's outbox: `mailState` pending until sent (immediately or in the day's
 * digest), retried with a growing wait while the mail server cannot be reached.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: notificationKinds }).notNull(),
    sheetId: uuid('sheet_id').references(() => sheets.id),
    /** One line: 「地域総務課（令和5年度）が提出されました」. */
    subject: text('subject').notNull(),
    /** The rest: who, a comment, a deadline. */
    body: text('body').notNull(),
    /** The page to act on, a path of the app (/sheets/…). */
    link: text('link').notNull(),
    /** Set for events that must be told once only (a deadline's reminder). */
    onceKey: text('once_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** none: not to be mailed; pending: waiting (until mailDueAt); sent; failed: given up. */
    mailState: text('mail_state', { enum: ['none', 'pending', 'sent', 'failed'] })
      .notNull()
      .default('none'),
    mailDueAt: timestamp('mail_due_at', { withTimezone: true }),
    mailAttempts: integer('mail_attempts').notNull().default(0),
    mailedAt: timestamp('mailed_at', { withTimezone: true }),
    mailError: text('mail_error'),
  },
  (t) => [
    index('notifications_user').on(t.userId, t.createdAt),
    index('notifications_mail_due').on(t.mailDueAt).where(sql`${t.mailState} = 'pending'`),
    uniqueIndex('notifications_once').on(t.userId, t.onceKey),
  ],
);
