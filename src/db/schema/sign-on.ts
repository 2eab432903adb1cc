import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles';
import { municipalities } from './organizations';
import { sessions } from './users';

/** Which column of `users` the configured claim is compared with. */
export const signOnMatchFields = ['email', 'loginId'] as const;
export type SignOnMatchField = (typeof signOnMatchFields)[number];

/** One entry of the groups claim's mapping: a member of `group` holds `role` on the organization (null: the whole municipality). */
export interface SignOnGroupMapping {
  group: string;
  role: Role;
  organizationId: string | null;
}

/**
 * シングルサインオン (OpenID Connect) of a municipality: its provider and how its staff are
 * matched and given roles. None: the environment's provider (MOKUHYO_OIDC_*) for the default
 * municipality, else none. The client secret is written, never read back by the API.
 */
export const signOnSettings = pgTable('sign_on_settings', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipalities.id),
  /** The button's words: 「{providerName}のアカウントでログイン」. */
  providerName: text('provider_name').notNull(),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret'),
  redirectUrl: text('redirect_url').notNull(),
  /** The claim that names the user (email, employee_number, …) and the column it is compared with. */
  matchClaim: text('match_claim').notNull().default('email'),
  matchField: text('match_field', { enum: signOnMatchFields })
    .$type<SignOnMatchField>()
    .notNull()
    .default('email'),
  /** Null: roles and organizations are assigned in mokuhyo; else set from this claim at each sign-on. */
  groupsClaim: text('groups_claim'),
  groupMappings: jsonb('group_mappings').$type<SignOnGroupMapping[]>().notNull().default([]),
  /** Off: the municipality's staff sign in only through the provider (a システム管理者 still may with a password). */
  localPasswords: boolean('local_passwords').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A sign-on under way: what the callback must find again (state, nonce, PKCE verifier), keyed
 * by the hash of a random token in a short-lived HttpOnly cookie of the browser that started it.
 * Taken (deleted) by the callback, so a response is accepted once.
 */
export const signOnAttempts = pgTable(
  'sign_on_attempts',
  {
    tokenHash: text('token_hash').primaryKey(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** The page to return to afterwards (a path of this site). */
    returnTo: text('return_to').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_on_attempts_expires').on(t.expiresAt)],
);

/** A session opened by sign-on: the provider's ID token, for its logout (RP-initiated logout). */
export const signOnSessions = pgTable('sign_on_sessions', {
  sessionTokenHash: text('session_token_hash')
    .primaryKey()
    .references(() => sessions.tokenHash, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  idToken: text('id_token').notNull(),
});
