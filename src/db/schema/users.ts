import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type MailDelivery, mailDeliveries } from '../../domain/notifications';
import { roles } from '../../domain/roles';
import { municipalities, organizations } from './organizations';

/** A member of staff who signs in. The public never has a row here. */
export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  loginId: text('login_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash (see src/server/features/auth/password.ts). */
  passwordHash: text('password_hash').notNull(),
  disabled: boolean('disabled').notNull().default(false),
  /** Where 通知 are mailed; none: only in the app. */
  email: text('email'),
  /** How: one mail a day (the default: a mail per event annoys people), each at once, or none. */
  mailDelivery: text('mail_delivery', { enum: mailDeliveries })
    .$type<MailDelivery>()
    .notNull()
    .default('digest'),
  /** A temporary password a 管理者 set: the user must choose their own before anything else. */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  /** システム管理者: creates municipalities and their 管理者, manages the users of every municipality. */
  systemAdmin: boolean('system_admin').notNull().default(false),
  lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What was done to a user account (created, deactivated, reactivated, roles changed, password
 * reset, …): who, when, what. A record: never changed or erased (migration 0017's triggers).
 */
export const userChanges = pgTable(
  'user_changes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    action: text('action').notNull(),
    /** What changed, as the action needs it (roles before and after, …); never a password. */
    detail: jsonb('detail'),
    /** Null: the command line or an outside sign-on. */
    changedBy: uuid('changed_by').references(() => users.id),
    changedByName: text('changed_by_name').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('user_changes_user').on(t.userId, t.changedAt),
    index('user_changes_municipality').on(t.municipalityId, t.changedAt),
  ],
);

/** A role granted to a user on an organization (null: the whole municipality). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: roles }).notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id),
  },
  (t) => [index('role_grants_user').on(t.userId)],
);

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * Failed sign-ins, counted per login id and address, per login id and per address to slow
 * down guessing (src/domain/sign-in-throttle.ts). In the database, so every app server sees them.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    loginId: text('login_id').notNull(),
    address: text('address').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_failures_login').on(t.loginId, t.at),
    index('sign_in_failures_address').on(t.address, t.at),
    index('sign_in_failures_at').on(t.at),
  ],
);

/** A 管理者 cleared the failures of a login id, an address, or both: who, when, how many. */
export const signInThrottleClearings = pgTable(
  'sign_in_throttle_clearings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Null: every login id of the address. */
    loginId: text('login_id'),
    /** Null: every address of the login id. */
    address: text('address'),
    failures: integer('failures').notNull(),
    clearedBy: uuid('cleared_by')
      .notNull()
      .references(() => users.id),
    clearedByName: text('cleared_by_name').notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttle_clearings_at').on(t.clearedAt)],
);
