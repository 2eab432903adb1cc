import { roles } from '../domain/roles';
import { emailAddress } from './auth';
import { municipalityName, nameText } from './text';
import { z } from './zod';

/**
 * ユーザー管理 (/api/v1/users): a municipality's accounts, their roles and their record, as a
 * 管理者 (of that municipality) or a システム管理者 sees and changes them.
 */

const instant = z.iso.datetime({ offset: true });

/** `?municipality=新潟市`: whose users (a システム管理者 may name any; default: the actor's own). */
export const usersQuery = z.object({ municipality: municipalityName });

export const userParam = z.object({ id: z.uuid('ユーザーの ID が正しくありません') });

/** A role to grant: 企画担当 names its 部区, 所属長・担当者 the 部区 and the organization in it. */
const grantInputSchema = z.strictObject({
  role: z.enum(roles, '役割を選んでください'),
  ward: nameText(200, '部区を指定してください').optional(),
  organization: nameText(200, '組織を指定してください').optional(),
});
export type GrantInput = z.infer<typeof grantInputSchema>;

const grantsInput = z.array(grantInputSchema).max(50, '役割は50件以内にしてください');

/** A password as given (the policy is checked by the server, with every reason on the field). */
const passwordInput = (message: string) =>
  z.string(message).min(1, message).max(200, 'パスワードが長すぎます');

/** POST /api/v1/users: a new account. Without `password`, a temporary one is made and shown once. */
export const newUserSchema = z.strictObject({
  loginId: nameText(100, 'ログインIDを入力してください'),
  displayName: nameText(100, '表示名を入力してください'),
  email: emailAddress.nullable().optional(),
  grants: grantsInput,
  password: passwordInput('パスワードを入力してください').optional(),
  /** Whether the user must choose their own password at first sign-in (always when generated). */
  mustChangePassword: z.boolean('初回ログイン時の変更を指定してください').default(true),
});
export type NewUserInput = z.input<typeof newUserSchema>;

/** PUT /api/v1/users/:id: names, address and roles as a whole; `lastChangeId` as last read. */
export const userEditSchema = z.strictObject({
  displayName: nameText(100, '表示名を入力してください'),
  email: emailAddress.nullable(),
  grants: grantsInput,
  /** The newest record entry the editor saw (null: none): another change since is a 409. */
  lastChangeId: z.number('最後の変更の番号を指定してください').int().min(0).nullable(),
});
export type UserEdit = z.infer<typeof userEditSchema>;

/** POST /api/v1/auth/password: the signed-in user's own password. */
export const passwordChangeSchema = z.strictObject({
  currentPassword: passwordInput('今のパスワードを入力してください'),
  newPassword: passwordInput('新しいパスワードを入力してください'),
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** A role held, with its place in words (「担当者（北区 地域総務課）」). */
const userRoleSchema = z.object({
  role: z.enum(roles),
  label: z.string(),
  ward: z.string().nullable(),
  organization: z.string().nullable(),
  /** The role and its place in words. */
  text: z.string(),
});
export type UserRole = z.infer<typeof userRoleSchema>;

const userSummarySchema = z.object({
  id: z.uuid(),
  loginId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(userRoleSchema),
  /** 利用停止中: cannot sign in. */
  disabled: z.boolean(),
  /** Holds a temporary password not yet changed. */
  mustChangePassword: z.boolean(),
  systemAdmin: z.boolean(),
  lastSignedInAt: instant.nullable(),
  createdAt: instant,
});
export type UserSummary = z.infer<typeof userSummarySchema>;

/** What the asker may do with the municipality's users. */
const usersPermissionsSchema = z.object({ manageUsers: z.boolean() });

/** GET /api/v1/users. */
export const userListSchema = z.object({
  municipality: z.string(),
  users: z.array(userSummarySchema),
  permissions: usersPermissionsSchema,
});
export type UserList = z.infer<typeof userListSchema>;

/** One entry of a user's record (never a password). */
const userChangeSchema = z.object({
  id: z.number().int(),
  /** One of created, updated, deactivated, reactivated, password_reset, password_changed (others may come). */
  action: z.string(),
  /** The action in words (作成, 利用停止, …). */
  label: z.string(),
  /** What changed in words (「表示名：A → B」), empty when the action says it all. */
  description: z.string(),
  by: z.string(),
  at: instant,
});

/** GET /api/v1/users/:id: the user, their record newest first, and what the asker may do. */
export const userDetailSchema = z.object({
  municipality: z.string(),
  user: userSummarySchema,
  /** The newest record entry's id (null: none), sent back with an edit. */
  lastChangeId: z.number().int().nullable(),
  changes: z.array(userChangeSchema),
  permissions: usersPermissionsSchema,
});
export type UserDetail = z.infer<typeof userDetailSchema>;

/** POST /api/v1/users (201), POST /api/v1/users/:id/reset-password: the temporary password is shown this once. */
export const userWithPasswordSchema = z.object({
  detail: userDetailSchema,
  temporaryPassword: z.string().nullable(),
});
export type UserWithPassword = z.infer<typeof userWithPasswordSchema>;
