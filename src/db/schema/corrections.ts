import { sql } from 'drizzle-orm';
import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { correctionStatuses } from '../../domain/result-correction';
import { indicators } from './indicators';
import { sheets } from './sheets';
import { users } from './users';

/**
 * 過年度実績の訂正: a result of a closed year (its sheet 評価確定 or 公開, or a year before the
 * system) changed only through a proposal with a reason and someone else's approval. The row
 * is the record printed as the year's 正誤; the value itself changes on approval.
 */
export const resultCorrections = pgTable(
  'result_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    /** The year the result belongs to. */
    fiscalYear: integer('fiscal_year').notNull(),
    /** The sheet of that year, whose history records the correction; null for a year before the system. */
    sheetId: uuid('sheet_id').references(() => sheets.id),
    /** The sheet it was proposed from (history goes here when the year has no sheet). */
    proposedOnSheetId: uuid('proposed_on_sheet_id')
      .notNull()
      .references(() => sheets.id),
    fromText: text('from_text'),
    fromValue: doublePrecision('from_value'),
    toText: text('to_text'),
    toValue: doublePrecision('to_value'),
    reason: text('reason').notNull(),
    status: text('status', { enum: correctionStatuses }).notNull().default('proposed'),
    proposedBy: uuid('proposed_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionComment: text('decision_comment'),
    /** The day of approval, printed in the 正誤. */
    correctedOn: date('corrected_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('result_corrections_indicator_year').on(t.indicatorId, t.fiscalYear),
    index('result_corrections_sheet').on(t.sheetId),
    /** At most one proposal waits for each result. */
    uniqueIndex('result_corrections_one_open')
      .on(t.indicatorId, t.fiscalYear)
      .where(sql`${t.status} = 'proposed'`),
  ],
);
