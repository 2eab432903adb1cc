import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SheetChange } from '../../domain/sheet-diff';
import { snapshotStages } from '../../domain/sheet-lifecycle';
import type { SheetDetail } from '../../schemas/sheet';
import { sheets } from './sheets';
import { users } from './users';

/**
 * 履歴: every change to a sheet — an edit, a move through the year, a revision, an import —
 * with who, when, what (before → after) and any comment. Append-only: a trigger refuses
 * UPDATE and DELETE (see the migration), and no route writes it except by recording.
 */
export const sheetHistory = pgTable(
  'sheet_history',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => sheets.id),
    /** The sheet version this entry produced. */
    version: integer('version').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** Shown when no user did it (an import from the command line). */
    actorName: text('actor_name').notNull(),
    kind: text('kind', {
      enum: [
        'edit',
        'transition',
        'revision',
        'correction',
        'import',
        'rollover',
        'dates',
        'comment',
        'reminder',
      ],
    }).notNull(),
    /**
     * For a transition: its name (submit, return, …); for a revision or a correction:
     * proposed/approved/returned; for dates: `wardYear` (the 部区's dates of the year) or `sheet`
     * (this sheet's own).
     */
    action: text('action'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    changes: jsonb('changes').$type<SheetChange[]>().notNull().default([]),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sheet_history_sheet').on(t.sheetId, t.id)],
);

/** The sheet as it stood when approved (作成), revised (修正) and evaluated (評価). */
export const sheetSnapshots = pgTable(
  'sheet_snapshots',
  {
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => sheets.id),
    stage: text('stage', { enum: snapshotStages }).notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').$type<SheetDetail>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sheet_snapshots_sheet_stage').on(t.sheetId, t.stage)],
);
