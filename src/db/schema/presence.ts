import { pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sheets } from './sheets';
import { users } from './users';

/**
 * Who has a sheet's editor open (編集中): the editor says so every little while; a mark older
 * than a minute no longer counts, and leaving the editor removes it. Nothing is recorded here
 * that history needs: the 409 on a stale save still guards the content.
 */
export const sheetPresence = pgTable(
  'sheet_presence',
  {
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => sheets.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.userId] })],
);
