import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities, roleGrants, users } from '../../../db/schema';
import type { Role } from '../../../domain/roles';
import type { CreatedDetail } from '../../../domain/user-changes';
import { newUserNamesSchema } from '../../../schemas/auth';
import { issuesFromZod } from '../../../schemas/issues';
import { AppError } from '../../app-error';
import { hashPassword } from '../auth/password';
import { passwordIssues } from '../auth/password-policy';
import { namedGrantText, resolveGrants } from './grants';
import { type ChangedBy, commandLine, recordUserChange } from './record-user-change';

export interface NewUser {
  municipality: string;
  loginId: string;
  displayName: string;
  /** Where 通知 are mailed (none: only in the app). */
  email?: string | null | undefined;
  password: string;
  /** `organization` names an organization of `ward` (or the ward itself for 企画担当). */
  grants: { role: Role; ward?: string; organization?: string }[];
  /** A hash made earlier for the same password (demo users share one); the password is still checked. */
  passwordHash?: string;
  /** A temporary password: the user must choose their own at first sign-in. */
  mustChangePassword?: boolean;
  /** システム管理者 of the installation. */
  systemAdmin?: boolean;
  /** Who creates the account, for its record (default: the command line). */
  by?: ChangedBy;
}

/**
 * Create a user with roles; every reference is checked before anything is written. The
 * password must pass the policy (src/domain/password-policy.ts) — the demo users' too.
 */
export async function createUser(db: Db | Tx, given: NewUser): Promise<{ id: string }> {
  const names = newUserNamesSchema.safeParse(given);
  const issues = [
    ...(names.success ? [] : issuesFromZod(names.error)),
    ...(await passwordIssues(given.password, { loginId: names.data?.loginId ?? given.loginId })),
  ];
  if (!names.success || issues.length > 0) {
    const onlyPassword = issues.every((issue) => issue.path === 'password');
    throw new AppError(
      'invalid',
      onlyPassword ? 'このパスワードは使えません。' : 'ユーザーの内容に誤りがあります。',
      issues,
    );
  }
  const input: NewUser = {
    ...given,
    ...names.data,
    grants: given.grants.map((grant, i) => ({ ...grant, ...names.data.grants[i] })),
  };
  const [municipality] = await db
    .select()
    .from(municipalities)
    .where(eq(municipalities.name, input.municipality));
  if (!municipality) throw new AppError('not_found', `自治体「${input.municipality}」は登録されていません。`);
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, input.loginId));
  if (taken)
    throw new AppError('conflict', `ログインID「${input.loginId}」はすでに使われています。`, [
      { path: 'loginId', message: 'このログインIDはすでに使われています' },
    ]);

  const grants = await resolveGrants(db, municipality.id, input.grants);

  const passwordHash = input.passwordHash ?? (await hashPassword(input.password));
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        municipalityId: municipality.id,
        loginId: input.loginId,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
        systemAdmin: input.systemAdmin ?? false,
      })
      .returning({ id: users.id });
    if (!user) throw new Error('insert returned no row');
    if (grants.length > 0) await tx.insert(roleGrants).values(grants.map((g) => ({ ...g, userId: user.id })));
    const detail: CreatedDetail = {
      loginId: input.loginId,
      displayName: input.displayName,
      email: input.email ?? null,
      roles: [...new Set(input.grants.map(namedGrantText))],
      systemAdmin: input.systemAdmin ?? false,
      mustChangePassword: input.mustChangePassword ?? false,
    };
    await recordUserChange(tx, {
      userId: user.id,
      municipalityId: municipality.id,
      action: 'created',
      detail,
      by: input.by ?? commandLine,
    });
    return user;
  });
}
