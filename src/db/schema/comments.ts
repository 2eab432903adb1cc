import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commentSubjects } from '../../domain/comments';
import { sheets } from './sheets';
import { users } from './users';

/**
 * コメント: a thread on a sheet, a goal or an indicator, open until someone resolves it. The
 * subject's words at the time (「目標2」「指標『…』」) are kept, so a thread stays readable after the
 * goal is renumbered or removed. A resolved thread stays, readable; it can be reopened.
 */
export const commentThreads = pgTable(
  'comment_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => sheets.id),
    subject: text('subject', { enum: commentSubjects }).notNull(),
    /** The goal's or the indicator's id; null for the sheet. */
    subjectId: uuid('subject_id'),
    subjectLabel: text('subject_label').notNull(),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comment_threads_sheet').on(t.sheetId, t.createdAt)],
);

/** One message of a thread: who, when, what; a 差戻し's comment is one too (`kind: 'return'`). */
export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => commentThreads.id),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    kind: text('kind', { enum: ['comment', 'return'] })
      .notNull()
      .default('comment'),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comments_thread').on(t.threadId, t.createdAt)],
);
