import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities, organizations, roleGrants, users } from '../../../db/schema';
import { type Role, roleLabels, roleReach } from '../../../domain/roles';
import { newUserNamesSchema } from '../../../schemas/auth';
import { issuesFromZod } from '../../../schemas/issues';
import { AppError } from '../../app-error';
import { hashPassword } from '../auth/password';
import { passwordIssues } from '../auth/password-policy';

export interface NewUser {
  municipality: string;
  loginId: string;
  displayName: string;
  /** Where 通知 are mailed (none: only in the app). */
  email?: string;
  password: string;
  /** `organization` names an organization of `ward` (or the ward itself for 企画担当). */
  grants: { role: Role; ward?: string; organization?: string }[];
  /** A hash made earlier for the same password (demo users share one); the password is still checked. */
  passwordHash?: string;
  /** A temporary password: the user must choose their own at first sign-in. */
  mustChangePassword?: boolean;
  /** システム管理者 of the installation. */
  systemAdmin?: boolean;
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
      { path: 'loginId', message: '使用済み' },
    ]);

  const grants: { role: Role; organizationId: string | null }[] = [];
  for (const [i, grant] of input.grants.entries()) {
    const reach = roleReach[grant.role];
    if (reach === 'municipality') {
      grants.push({ role: grant.role, organizationId: null });
      continue;
    }
    if (!grant.ward || (reach === 'organization' && !grant.organization)) {
      throw new AppError(
        'invalid',
        `${roleLabels[grant.role]}には部区${reach === 'organization' ? 'と組織' : ''}を指定してください。`,
        [{ path: `grants[${i}]`, message: '組織の指定がありません' }],
      );
    }
    const organizationId = await resolveOrganization(
      db,
      municipality.id,
      grant.ward,
      reach === 'ward' ? null : grant.organization,
    );
    if (!organizationId) {
      const name = reach === 'ward' ? grant.ward : `${grant.ward}の${grant.organization}`;
      throw new AppError('invalid', `組織「${name}」を一つに特定できません。`, [
        { path: `grants[${i}]`, message: '組織が見つからないか、同じ名前の組織が複数あります' },
      ]);
    }
    grants.push({ role: grant.role, organizationId });
  }

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
    return user;
  });
}

/** The ward (name null) or the one organization of that name in the ward; null if none or several. */
async function resolveOrganization(
  db: Db | Tx,
  municipalityId: string,
  ward: string,
  name: string | null | undefined,
) {
  const [wardRow] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.municipalityId, municipalityId),
        eq(organizations.kind, 'ward'),
        eq(organizations.name, ward),
      ),
    );
  if (!wardRow || !name) return wardRow?.id ?? null;
  const units = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.wardId, wardRow.id), eq(organizations.kind, 'unit'), eq(organizations.name, name)),
    );
  return units.length === 1 ? (units[0]?.id ?? null) : null;
}
