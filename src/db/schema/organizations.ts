import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** A city, town or village (自治体). Every other row is scoped to one. */
export const municipalities = pgTable(
  'municipalities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull().unique(),
    /**
     * The licence of what it publishes (open data), both null until a 管理者 chooses one: then the
     * default of src/domain/licence.ts (公共データ利用規約 第1.0版) applies.
     */
    licenceName: text('licence_name'),
    licenceUrl: text('licence_url'),
    /**
     * The sender of its staff's 通知 mail (From), null until a 管理者 sets one: then the
     * installation's MOKUHYO_MAIL_FROM. The name is shown beside the address (「長岡市 組織目標管理」).
     */
    mailFromAddress: text('mail_from_address'),
    mailFromName: text('mail_from_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A licence is a name with its terms: both or neither.
    check('municipalities_licence_whole', sql`(${t.licenceName} is null) = (${t.licenceUrl} is null)`),
    // A sender's name only with its address.
    check(
      'municipalities_mail_from_named',
      sql`${t.mailFromName} is null or ${t.mailFromAddress} is not null`,
    ),
  ],
);

/** 評価の基準: the bands a municipality uses to suggest 達成 / 一部未達成 / 未達成. */
export const evaluationRules = pgTable('evaluation_rules', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipalities.id),
  achieved: doublePrecision('achieved').notNull().default(1),
  partly: doublePrecision('partly').notNull().default(0.8),
  /** Whether the public sees the rule's suggestion (目安) and the reasons given for a different 評価. */
  publishAids: boolean('publish_aids').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The municipality's nominal sheet dates (作成日・修正日・評価日) as month and day ('MM-DD'),
 * placed in each fiscal year; the defaults when it has set none are in src/domain/sheet-dates.ts.
 */
export const nominalDates = pgTable('nominal_dates', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipalities.id),
  createdOn: text('created_on').notNull(),
  revisedOn: text('revised_on').notNull(),
  evaluatedOn: text('evaluated_on').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * An organization (組織): a 部/区 at the top (kind 'ward'), and under it 課, 出張所 and 機関.
 * `wardId` points at the top-level 部/区 the organization belongs to (itself for a ward), so
 * every ward-scoped query is one equality. Lineage across reorganisations lives in
 * `organization_lineage`.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    wardId: uuid('ward_id').references((): AnyPgColumn => organizations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => organizations.id),
    kind: text('kind', { enum: ['ward', 'unit'] }).notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organizations_parent_name').on(
      t.municipalityId,
      sql`coalesce(${t.parentId}, ${t.municipalityId})`,
      t.name,
    ),
    index('organizations_ward').on(t.wardId),
    // A 部区 found by name (and municipality), and the list of 部区, without reading every organization.
    index('organizations_kind_name').on(t.kind, t.name, t.municipalityId),
  ],
);

/** How organizations succeed one another (rename, merge, split) from a fiscal year on. */
export const organizationLineage = pgTable(
  'organization_lineage',
  {
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => organizations.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => organizations.id),
    fromFiscalYear: integer('from_fiscal_year').notNull(),
    kind: text('kind', { enum: ['rename', 'merge', 'split'] }).notNull(),
  },
  (t) => [uniqueIndex('organization_lineage_pair').on(t.predecessorId, t.successorId)],
);
