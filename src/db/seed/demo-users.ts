import { count, eq } from 'drizzle-orm';
import type { Role } from '../../domain/roles';
import { hashPassword, type ScryptParams } from '../../server/features/auth/password';
import { createUser } from '../../server/features/users/create-user';
import type { Db } from '../client';
import { municipalities, users } from '../schema';

/** The password of every demo user (listed in the README). */
export const demoPassword = 'mokuhyo-demo';

/** One user per role on the sample ward, for 地域総務課 and 健康福祉課, and a システム管理者 (no role in 新潟市). */
export const demoUsers: { loginId: string; displayName: string; role?: Role; organization?: string }[] = [
  { loginId: 'admin', displayName: '管理者（デモ）', role: 'admin' },
  { loginId: 'kita-kikaku', displayName: '北区 企画担当（デモ）', role: 'planner' },
  { loginId: 'somu-head', displayName: '地域総務課長（デモ）', role: 'head', organization: '地域総務課' },
  {
    loginId: 'somu-staff',
    displayName: '地域総務課 担当者（デモ）',
    role: 'editor',
    organization: '地域総務課',
  },
  { loginId: 'fukushi-head', displayName: '健康福祉課長（デモ）', role: 'head', organization: '健康福祉課' },
  {
    loginId: 'fukushi-staff',
    displayName: '健康福祉課 担当者（デモ）',
    role: 'editor',
    organization: '健康福祉課',
  },
  { loginId: 'viewer', displayName: '閲覧者（デモ）', role: 'viewer' },
  { loginId: 'system', displayName: 'システム管理者（デモ）' },
];

/**
 * Create the demo users when there are no users at all; returns their login ids. Test databases
 * pass a cheaper scrypt `cost` (the app's default otherwise).
 */
export async function createDemoUsersIfNone(db: Db, cost?: ScryptParams): Promise<string[]> {
  const [row] = await db.select({ n: count() }).from(users);
  if (Number(row?.n ?? 0) > 0) return [];
  const [sampleCity] = await db.select().from(municipalities).where(eq(municipalities.name, '新潟市'));
  if (!sampleCity) return [];
  const passwordHash = await hashPassword(demoPassword, cost);
  for (const u of demoUsers) {
    await createUser(db, {
      municipality: '新潟市',
      loginId: u.loginId,
      displayName: u.displayName,
      // example.jp is reserved for examples (JPRS): no real mailbox receives demo mail.
      email: `${u.loginId}@example.jp`,
      password: demoPassword,
      passwordHash,
      grants: u.role
        ? [{ role: u.role, ward: '北区', ...(u.organization ? { organization: u.organization } : {}) }]
        : [],
      systemAdmin: !u.role,
    });
  }
  return demoUsers.map((u) => u.loginId);
}
