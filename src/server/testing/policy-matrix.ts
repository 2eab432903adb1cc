import { and, eq, inArray } from 'drizzle-orm';
import { organizations, roleGrants, users } from '../../db/schema';
import { demoPassword } from '../../db/seed/demo-users';
import type { Actor } from '../../domain/roles';
import { hashPassword } from '../features/auth/password';
import { importWardYear } from '../features/interchange/import-ward-year';
import { registerMunicipality } from '../features/municipalities/municipalities';
import { sampleFile, sheetFileTitled } from './finders';
import { testPasswordCost } from './password-cost';
import type { TestApp, TestClient } from './test-app';

/**
 * What the policy matrices share: places beyond the sample's 北区 (南区 of the same
 * municipality, 中央区 of 長岡市) with people of their own, each person signed in once, and
 * the answer a table's verdict means over HTTP.
 */

/** The sample's demo users, the public, and people of the other places. */
const matrixPeople = [
  'public',
  'admin',
  'viewer',
  'kita-kikaku',
  'minami-kikaku',
  'somu-head',
  'somu-staff',
  'fukushi-head',
  'fukushi-staff',
  'nagaoka-admin',
  'nagaoka-kikaku',
  // システム管理者 of the installation (a demo user of 新潟市 with no role there).
  'system',
] as const;
export type MatrixPerson = (typeof matrixPeople)[number];

/** A one-sheet file of the sample for another 部区 (and municipality). */
export function otherWardFile(municipality: string, ward: string) {
  const file = sampleFile();
  file.municipality = municipality;
  file.ward = ward;
  file.sheets = [sheetFileTitled(file, '地域総務課')];
  return file;
}

/**
 * 南区 of 新潟市 and 中央区 of 長岡市, with a 企画担当 each and a 管理者 of 長岡市. Every
 * password is hashed at a test's low cost, so signing everyone in takes milliseconds.
 */
export async function addOtherPlaces(t: TestApp): Promise<void> {
  const { db } = t.database;
  await importWardYear(db, otherWardFile('新潟市', '南区'));
  await registerMunicipality(db, '長岡市');
  await importWardYear(db, otherWardFile('長岡市', '中央区'));
  const passwordHash = await hashPassword(demoPassword, testPasswordCost);
  const wards = await db
    .select({ id: organizations.id, name: organizations.name, municipalityId: organizations.municipalityId })
    .from(organizations)
    .where(and(eq(organizations.kind, 'ward'), inArray(organizations.name, ['南区', '中央区'])));
  const minami = wards.find((w) => w.name === '南区');
  const chuo = wards.find((w) => w.name === '中央区');
  if (!minami || !chuo) throw new Error('the other places were not imported');
  // Written directly (createUser would check the password against the common-password list).
  const people = [
    { loginId: 'minami-kikaku', displayName: '南区 企画担当', ward: minami, role: 'planner' },
    { loginId: 'nagaoka-admin', displayName: '長岡市 管理者', ward: chuo, role: 'admin' },
    { loginId: 'nagaoka-kikaku', displayName: '長岡市中央区 企画担当', ward: chuo, role: 'planner' },
  ] as const;
  for (const { loginId, displayName, ward, role } of people) {
    const [user] = await db
      .insert(users)
      .values({ municipalityId: ward.municipalityId, loginId, displayName, passwordHash })
      .returning({ id: users.id });
    if (!user) throw new Error(loginId);
    await db
      .insert(roleGrants)
      .values({ userId: user.id, role, organizationId: role === 'planner' ? ward.id : null });
  }
}

export interface Person {
  name: MatrixPerson;
  client: TestClient;
  /** As policies see them; null for the public. */
  actor: Actor | null;
}

/** Everyone signed in once (the public holds a CSRF token like a browser that opened the app). */
export async function signInEveryone(t: TestApp): Promise<Person[]> {
  const { db } = t.database;
  const people: Person[] = [];
  for (const name of matrixPeople) {
    if (name === 'public') {
      await t.public.get('/api/v1/auth/me');
      people.push({ name, client: t.public, actor: null });
      continue;
    }
    const [user] = await db.select().from(users).where(eq(users.loginId, name));
    if (!user) throw new Error(`no user ${name}`);
    const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    people.push({
      name,
      client: await t.as(name),
      actor: {
        userId: user.id,
        municipalityId: user.municipalityId,
        grants: grants.map((g) => ({ role: g.role, organizationId: g.organizationId })),
        systemAdmin: user.systemAdmin,
      },
    });
  }
  return people;
}

/** The answer a verdict means: the success status, 401 for the public, else 403. */
export function expectedStatus(allowed: boolean, actor: Actor | null, success: number): number {
  if (allowed) return success;
  return actor ? 403 : 401;
}

/** Counts cases and keeps those the server answered otherwise than the table says. */
export class MatrixTally {
  cases = 0;
  allowed = 0;
  readonly unexpected: string[] = [];

  async check(label: string, res: Response, expected: number): Promise<void> {
    this.cases++;
    if (res.status >= 200 && res.status < 300) this.allowed++;
    if (res.status !== expected)
      this.unexpected.push(`${label}: ${res.status} (expected ${expected}) ${await res.text()}`);
  }
}
