import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** Raw bytes: a Buffer from `pg`, a Uint8Array from PGlite; both are Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

export const jobStates = ['running', 'done', 'failed'] as const;

/**
 * Bulk work with progress (a booklet, an import's preview or confirmation): what it needs to run
 * on any app server, how far it has got, and how it ended. pg-boss (schema `pgboss`) delivers
 * the work to a server under the same id; this row is what the starter polls and downloads.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Who started it; null for the public. Only they may see it. */
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    /** The request that started it (the booklet's ward and year, the import's query). */
    input: jsonb('input').notNull(),
    /** The uploaded file an import reads; dropped when the job ends. */
    upload: bytea('upload'),
    state: text('state', { enum: jobStates }).notNull().default('running'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    message: text('message').notNull(),
    /** Which attempt runs it now: a server whose attempt was taken over writes nothing. */
    attempt: uuid('attempt'),
    error: jsonb('error'),
    result: jsonb('result'),
    /** The file a job makes (the booklet's PDF), with its content type and names. */
    file: bytea('file'),
    fileInfo: jsonb('file_info'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** After this the row (and its file) is swept. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('jobs_expires_at').on(t.expiresAt),
    check('jobs_state', sql`${t.state} in ('running', 'done', 'failed')`),
  ],
);
