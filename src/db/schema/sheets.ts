import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SheetDateField } from '../../domain/sheet-dates';
import { sheetStatuses } from '../../domain/sheet-status';
import { organizations } from './organizations';

/**
 * One 部区's fiscal year (年度): what is known of the year as a whole for that 部/区 —
 * where its data came from and what was uncertain when it was transcribed.
 */
export const wardYears = pgTable(
  'ward_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    wardId: uuid('ward_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    source: text('source'),
    uncertain: jsonb('uncertain').$type<string[]>(),
    /** 作成・修正・評価の期限, set by the 企画担当. */
    planDeadline: date('plan_deadline', { mode: 'string' }),
    revisionDeadline: date('revision_deadline', { mode: 'string' }),
    evaluationDeadline: date('evaluation_deadline', { mode: 'string' }),
    /** 作成日・修正日・評価日 of the year, set by the 企画担当; null: the municipality's nominal date. */
    createdOn: date('created_on', { mode: 'string' }),
    revisedOn: date('revised_on', { mode: 'string' }),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('ward_years_ward_year').on(t.wardId, t.fiscalYear)],
);

/**
 * 組織目標管理シート: one organization's sheet for one fiscal year. The header names are kept
 * as printed that year (organizations get renamed; the document does not change).
 */
export const sheets = pgTable(
  'sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    wardId: uuid('ward_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** Order of the sheet in its 部区's booklet for the year. */
    position: integer('position').notNull().default(0),
    departmentName: text('department_name').notNull(),
    organizationName: text('organization_name'),
    phone: text('phone'),
    createdOn: date('created_on', { mode: 'string' }),
    revisedOn: date('revised_on', { mode: 'string' }),
    evaluatedOn: date('evaluated_on', { mode: 'string' }),
    /** The dates the 企画担当 set on this sheet itself: the 部区's dates do not change them. */
    datesSetIndividually: jsonb('dates_set_individually').$type<SheetDateField[]>().notNull().default([]),
    purpose: text('purpose'),
    approach: text('approach'),
    outcome: text('outcome'),
    status: text('status', { enum: sheetStatuses }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** Who made the submission now awaiting a decision (nobody approves their own). */
    submittedBy: uuid('submitted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sheets_organization_year').on(t.organizationId, t.fiscalYear),
    index('sheets_ward_year').on(t.wardId, t.fiscalYear),
  ],
);

/** 組織目標: a numbered goal on a sheet, aligned to a goal number of the 部区's own sheet. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => sheets.id, { onDelete: 'cascade' }),
    no: integer('no').notNull(),
    parentNo: integer('parent_no'),
    text: text('text').notNull(),
    /** 主な取組（事業）, in order. */
    initiatives: jsonb('initiatives').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('goals_sheet_no').on(t.sheetId, t.no)],
);
