import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalities, roleGrants, userChanges, users } from '../../../db/schema';
import { municipalitySummarySchema } from '../../../schemas/municipalities';
import { databaseFingerprint } from '../../testing/db-fingerprint';
import { otherWardFile } from '../../testing/policy-matrix';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

const nagaoka = {
  name: '長岡市',
  admin: { loginId: 'nagaoka-first', displayName: '長岡市 管理者', password: 'shinano-river-sakura' },
};

describe('registering a municipality', () => {
  it('is the システム管理者’s alone: the public 401, a 管理者 of 新潟市 403, and nothing written', async () => {
    const admin = await t.as('admin');
    await t.public.get('/api/v1/auth/me');
    const before = await databaseFingerprint(t.database.db);
    const refusedPublic = await t.public.send('POST', '/api/v1/municipalities', nagaoka);
    expect(refusedPublic.status).toBe(401);
    const refused = await admin.send('POST', '/api/v1/municipalities', nagaoka);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('自治体を登録できるのはシステム管理者です');
    expect((await admin.get('/api/v1/municipalities')).status).toBe(403);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('refuses bad input by field and writes neither the municipality nor its 管理者', async () => {
    const system = await t.as('system');
    const before = await databaseFingerprint(t.database.db);
    const cases: [unknown, string][] = [
      [{ ...nagaoka, name: '' }, 'name'],
      [{ ...nagaoka, name: '長岡/市' }, 'name'],
      [{ ...nagaoka, name: '新潟市' }, 'name'],
      [{ ...nagaoka, admin: { ...nagaoka.admin, password: 'short' } }, 'admin.password'],
      [{ ...nagaoka, admin: { ...nagaoka.admin, loginId: 'admin' } }, 'admin.loginId'],
      [{ ...nagaoka, admin: { ...nagaoka.admin, email: 'not-an-address' } }, 'admin.email'],
      [{ name: '長岡市' }, 'admin'],
    ];
    for (const [body, path] of cases) {
      const res = await system.send('POST', '/api/v1/municipalities', body);
      expect([400, 409], JSON.stringify(body)).toContain(res.status);
      const { error } = (await res.json()) as { error: { message: string; issues: { path: string }[] } };
      expect(
        error.issues.map((i) => i.path),
        error.message,
      ).toContain(path);
    }
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('registers the municipality with its first 管理者, who manages only it and must choose a password', async () => {
    const system = await t.as('system');
    const res = await system.send('POST', '/api/v1/municipalities', nagaoka);
    expect(res.status).toBe(201);
    expect(municipalitySummarySchema.parse(await res.json())).toMatchObject({
      name: '長岡市',
      default: false,
      wards: 0,
      users: 1,
    });
    const list = municipalitySummarySchema
      .array()
      .parse(await (await system.get('/api/v1/municipalities')).json());
    expect(list.map((m) => [m.name, m.default])).toEqual([
      ['新潟市', true],
      ['長岡市', false],
    ]);
    const { db } = t.database;
    const [first] = await db.select().from(users).where(eq(users.loginId, 'nagaoka-first'));
    expect(first).toMatchObject({ mustChangePassword: true, systemAdmin: false });
    const grants = await db
      .select()
      .from(roleGrants)
      .where(eq(roleGrants.userId, first?.id ?? ''));
    expect(grants.map((g) => [g.role, g.organizationId])).toEqual([['admin', null]]);
    const [row] = await db.select().from(municipalities).where(eq(municipalities.name, '長岡市'));
    expect(first?.municipalityId).toBe(row?.id);
    // The 管理者's record says who registered them.
    const record = await db
      .select()
      .from(userChanges)
      .where(eq(userChanges.userId, first?.id ?? ''));
    expect(record.map((r) => [r.action, r.changedByName])).toEqual([['created', 'システム管理者（デモ）']]);
  });

  it('lets an import name the new municipality, and still names one nobody registered', async () => {
    const system = await t.as('system');
    // An import of a municipality nobody registered names it and writes nothing (the file's own 400).
    const admin = await t.as('admin');
    const before = await databaseFingerprint(t.database.db);
    const missing = await admin.send('POST', '/api/v1/import/preview', otherWardFile('架空市', '西区'));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('自治体「架空市」は登録されていません');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
    // The システム管理者 has no role in any municipality: they cannot import sheets.
    const notTheirs = await system.send('POST', '/api/v1/import/preview', otherWardFile('長岡市', '中央区'));
    expect(notTheirs.status).toBe(403);
  });
});
