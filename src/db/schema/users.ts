import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
