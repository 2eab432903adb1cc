import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Breakdown } from '../../domain/cell-value';
import { directions, evaluations } from '../../domain/evaluation';
import { organizations } from './organizations';
import { goals } from './sheets';

/**
 * 指標: a series owned by an organization that lives across fiscal years. Its yearly targets
 * and results are `indicator_values`; a sheet places it under a goal for one year.
 */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    unit: text('unit'),
    direction: text('direction', { enum: directions }).notNull().default('higher'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('indicators_organization').on(t.organizationId)],
);

/** An indicator as it stands on one goal of one year's sheet, with that year's judgement. */
export const placements = pgTable(
  'placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    goalId: uuid('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    position: integer('position').notNull(),
    /** 補足・参考指標 */
    note: text('note'),
    /** 目標達成状況 */
    achievement: text('achievement'),
    /** 評価 */
    evaluation: text('evaluation', { enum: evaluations }),
    /** Why the 評価 differs from what the municipality's rule suggests (kept and shown). */
    evaluationReason: text('evaluation_reason'),
    /** For a milestone indicator: was it done (実施済み)? null when nobody said. */
    milestoneDone: boolean('milestone_done'),
  },
  (t) => [
    uniqueIndex('placements_goal_position').on(t.goalId, t.position),
    index('placements_indicator').on(t.indicatorId),
  ],
);

/**
 * A target (目標) or result (結果/実績) of an indicator for one fiscal year: the text as
 * written, its number and its breakdown. A sheet's 実績 columns are the results of the three
 * previous years, read from here — never copied.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    kind: text('kind', { enum: ['target', 'result'] }).notNull(),
    text: text('text'),
    value: doublePrecision('value'),
    breakdown: jsonb('breakdown').$type<Breakdown>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.fiscalYear, t.kind] })],
);

/** 目標の修正: a target revised mid-year, kept as a record of its own (never an overwrite). */
export const targetRevisions = pgTable(
  'target_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    fiscalYear: integer('fiscal_year').notNull(),
    fromText: text('from_text'),
    fromValue: doublePrecision('from_value'),
    toText: text('to_text'),
    toValue: doublePrecision('to_value'),
    revisedOn: date('revised_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** proposed → approved (shown in the ledger, target changed) or returned. Imports are approved. */
    status: text('status', { enum: ['proposed', 'approved', 'returned'] })
      .notNull()
      .default('approved'),
    proposedBy: uuid('proposed_by'),
    decidedBy: uuid('decided_by'),
    decisionComment: text('decision_comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_revisions_indicator_year').on(t.indicatorId, t.fiscalYear)],
);
