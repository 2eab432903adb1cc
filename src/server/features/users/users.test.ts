import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema';
import { demoPassword } from '../../../db/seed/demo-users';
import { meSchema } from '../../../schemas/auth';
import {
  type UserDetail,
  userDetailSchema,
  userListSchema,
  userWithPasswordSchema,
} from '../../../schemas/users';
import { databaseFingerprint } from '../../testing/db-fingerprint';
import { addOtherPlaces } from '../../testing/policy-matrix';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { createUser } from './create-user';

/**
 * ユーザー管理 over HTTP: list, create (with a password or a temporary one), change, 利用停止
 * and 利用再開, パスワードの再設定, the must-change flow, the record of each, bad input refused
 * with its field and nothing written, concurrent edits refused, and who may act on whose users.
 */

let t: TestApp;
let admin: TestClient;
let addresses = 0;

beforeAll(async () => {
  t = await createTestApp();
  await addOtherPlaces(t);
  admin = await t.as('admin');
});
afterAll(async () => {
  await t.close();
});

const grant = { role: 'editor', ward: '北区', organization: '地域総務課' } as const;
const newPassword = '北区の 春は 桜と チューリップ';

/** A new browser from its own address (throttles of one never reach another). */
function browser(): TestClient {
  addresses += 1;
  return t.from(`192.0.2.${addresses}`);
}

async function signInAs(loginId: string, password: string): Promise<{ client: TestClient; res: Response }> {
  const client = browser();
  await client.get('/api/v1/auth/me');
  const res = await client.send('POST', '/api/v1/auth/sign-in', { loginId, password });
  return { client, res };
}

async function create(body: Record<string, unknown>, client = admin, query = '') {
  const res = await client.send('POST', `/api/v1/users${query}`, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return userWithPasswordSchema.parse(await res.json());
}

async function detailOf(id: string, client = admin): Promise<UserDetail> {
  const res = await client.get(`/api/v1/users/${id}`);
  expect(res.status).toBe(200);
  return userDetailSchema.parse(await res.json());
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string; issues: unknown[] } }).error;
}

describe('the list', () => {
  it('names every user of the 管理者’s municipality with roles in words, status and last sign-in', async () => {
    const res = await admin.get('/api/v1/users');
    expect(res.status).toBe(200);
    const list = userListSchema.parse(await res.json());
    expect(list.municipality).toBe('新潟市');
    expect(list.permissions).toEqual({ manageUsers: true });
    const staff = list.users.find((u) => u.loginId === 'somu-staff');
    expect(staff).toMatchObject({
      displayName: '地域総務課 担当者（デモ）',
      disabled: false,
      mustChangePassword: false,
      roles: [{ role: 'editor', text: '担当者（北区 地域総務課）' }],
    });
    expect(list.users.find((u) => u.loginId === 'admin')?.lastSignedInAt).not.toBeNull();
    // 長岡市's users are 長岡市's.
    expect(list.users.some((u) => u.loginId.startsWith('nagaoka'))).toBe(false);
    expect(list.users.find((u) => u.loginId === 'kita-kikaku')?.roles[0]?.text).toBe('企画担当（北区）');
  });
});

describe('creating a user and the first sign-in', () => {
  it('creates with a password to be changed, which is all the new user may do until changed', async () => {
    const created = await create({
      loginId: 'yamada',
      displayName: '山田 花子',
      email: 'yamada@example.jp',
      grants: [grant],
      password: 'hajimete-no-pasuwado',
    });
    expect(created.temporaryPassword).toBeNull();
    expect(created.detail.user).toMatchObject({
      loginId: 'yamada',
      mustChangePassword: true,
      lastSignedInAt: null,
    });
    expect(created.detail.changes).toMatchObject([
      {
        action: 'created',
        label: '作成',
        by: '管理者（デモ）',
        description: expect.stringContaining('担当者（北区 地域総務課）'),
      },
    ]);

    const { client, res } = await signInAs('yamada', 'hajimete-no-pasuwado');
    expect(res.status).toBe(200);
    const me = meSchema.parse(await (await client.get('/api/v1/auth/me')).json());
    expect(me.user).toMatchObject({ loginId: 'yamada', mustChangePassword: true });
    const refused = await client.get('/api/v1/home');
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: 'password_change_required',
      message: '仮パスワードでログインしています。ほかの操作の前に、パスワードを変更してください。',
    });
    expect((await detailOf(created.detail.user.id)).user.lastSignedInAt).not.toBeNull();

    const wrong = await client.send('POST', '/api/v1/auth/password', {
      currentPassword: 'chigau-pasuwado',
      newPassword: 'kmz9q',
    });
    expect(wrong.status).toBe(400);
    expect((await errorOf(wrong)).issues).toEqual([
      { path: 'currentPassword', message: '今のパスワードが正しくありません' },
      { path: 'newPassword', message: expect.stringContaining('12文字以上') },
    ]);
    const same = await client.send('POST', '/api/v1/auth/password', {
      currentPassword: 'hajimete-no-pasuwado',
      newPassword: 'hajimete-no-pasuwado',
    });
    expect((await errorOf(same)).issues).toEqual([
      { path: 'newPassword', message: '今のパスワードとは違うパスワードにしてください' },
    ]);
    const changed = await client.send('POST', '/api/v1/auth/password', {
      currentPassword: 'hajimete-no-pasuwado',
      newPassword,
    });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/v1/home')).status).toBe(200);
    expect(meSchema.parse(await (await client.get('/api/v1/auth/me')).json()).user?.mustChangePassword).toBe(
      false,
    );
    const record = await detailOf(created.detail.user.id);
    expect(record.changes.map((c) => [c.action, c.by])).toEqual([
      ['password_changed', '山田 花子'],
      ['created', '管理者（デモ）'],
    ]);
    expect((await signInAs('yamada', newPassword)).res.status).toBe(200);
    // Never a password in the record.
    expect(JSON.stringify(record)).not.toContain('hajimete');
  });

  it('slows guessing the current password as the sign-in throttle does, counting with sign-in', async () => {
    await create({ loginId: 'guessed', displayName: '推測 される', grants: [grant], password: newPassword });
    const { client } = await signInAs('guessed', newPassword);
    const guess = () =>
      client.send('POST', '/api/v1/auth/password', {
        currentPassword: 'chigau-pasuwado-desu',
        newPassword: 'atarashii-pasuwado-desu',
      });
    // The throttle's free failures of a login id from one address, then a wait.
    for (let i = 0; i < 4; i++) expect((await guess()).status).toBe(400);
    const slowed = await guess();
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await errorOf(slowed)).message).toContain('少し時間をおいてください');
  });

  it('makes a temporary password when none is given, shown once in the answer', async () => {
    const created = await create({ loginId: 'kobayashi', displayName: '小林', grants: [{ role: 'viewer' }] });
    expect(created.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(created.detail.user.mustChangePassword).toBe(true);
    expect((await detailOf(created.detail.user.id)).user).not.toHaveProperty('temporaryPassword');
    const { res } = await signInAs('kobayashi', created.temporaryPassword ?? '');
    expect(res.status).toBe(200);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = await databaseFingerprint(t.database.db);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ loginId: '', displayName: '空', grants: [] }, 400, 'loginId'],
      [{ loginId: 'x1', displayName: '', grants: [] }, 400, 'displayName'],
      [{ loginId: 'x2', displayName: 'メール', email: 'x2@', grants: [] }, 400, 'email'],
      [{ loginId: 'x3', displayName: '役割', grants: [{ role: 'chief' }] }, 400, 'grants[0].role'],
      [
        {
          loginId: 'x4',
          displayName: '組織',
          grants: [{ role: 'editor', ward: '北区', organization: 'ない課' }],
        },
        400,
        'grants[0]',
      ],
      [{ loginId: 'x5', displayName: '部区なし', grants: [{ role: 'planner' }] }, 400, 'grants[0]'],
      [{ loginId: 'x6', displayName: '短い', grants: [], password: 'short' }, 400, 'password'],
      [{ loginId: 'somu-staff', displayName: '重複', grants: [] }, 409, 'loginId'],
      [{ loginId: 'x7', displayName: '余計', grants: [], admin: true }, 400, ''],
      [{ loginId: 'x8\u0000', displayName: '制御文字', grants: [] }, 400, 'loginId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await admin.send('POST', '/api/v1/users', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const error = await errorOf(res);
      expect(error.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      if (path) expect(error.issues, JSON.stringify(body)).toContainEqual(expect.objectContaining({ path }));
    }
    // The field says what is wrong in a sentence, beside the summary's.
    const duplicate = await admin.send('POST', '/api/v1/users', {
      loginId: 'somu-staff',
      displayName: '重複',
      grants: [],
    });
    expect((await errorOf(duplicate)).issues).toEqual([
      { path: 'loginId', message: 'このログインIDはすでに使われています' },
    ]);
    const unknown = await admin.send('POST', `/api/v1/users?municipality=${encodeURIComponent('架空市')}`, {
      loginId: 'x9',
      displayName: '架空',
      grants: [],
    });
    // A 管理者 may not name another municipality, registered or not.
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).issues).toEqual([
      { path: 'municipality', message: '登録されていない自治体です' },
    ]);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('changing a user', () => {
  it('replaces names and roles as a whole, records before and after, and refuses a stale edit (409)', async () => {
    const { detail } = await create({ loginId: 'saito', displayName: '斎藤', grants: [grant] });
    const id = detail.user.id;
    const edit = {
      displayName: '斎藤 一郎',
      email: 'saito@example.jp',
      grants: [{ role: 'head', ward: '北区', organization: '健康福祉課' }, { role: 'viewer' }],
      lastChangeId: detail.lastChangeId,
    };
    const res = await admin.send('PUT', `/api/v1/users/${id}`, edit);
    expect(res.status, await res.clone().text()).toBe(200);
    const after = userDetailSchema.parse(await res.json());
    expect(after.user.roles.map((r) => r.text)).toEqual(['所属長（北区 健康福祉課）', '閲覧者']);
    expect(after.changes[0]).toMatchObject({
      action: 'updated',
      label: '変更',
      description:
        '表示名：斎藤 → 斎藤 一郎／メールアドレス：なし → saito@example.jp／役割：担当者（北区 地域総務課） → 所属長（北区 健康福祉課）、閲覧者',
    });

    // A second 管理者 who opened the user before that change is refused, and nothing is written.
    const before = await databaseFingerprint(t.database.db);
    const stale = await admin.send('PUT', `/api/v1/users/${id}`, { ...edit, displayName: '上書き' });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).message).toContain('ほかの人が変更しました');
    expect(await databaseFingerprint(t.database.db)).toEqual(before);

    // The same edit again changes nothing and records nothing.
    const again = await admin.send('PUT', `/api/v1/users/${id}`, {
      ...edit,
      lastChangeId: after.lastChangeId,
    });
    expect(again.status).toBe(200);
    expect(userDetailSchema.parse(await again.json()).changes).toHaveLength(2);

    const bad = await admin.send('PUT', `/api/v1/users/${id}`, {
      ...edit,
      email: 'no-at',
      lastChangeId: after.lastChangeId,
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).issues).toContainEqual(expect.objectContaining({ path: 'email' }));
    const noVersion = await admin.send('PUT', `/api/v1/users/${id}`, { ...edit, lastChangeId: undefined });
    expect((await errorOf(noVersion)).issues).toContainEqual(
      expect.objectContaining({ path: 'lastChangeId' }),
    );
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });

  it('keeps a 管理者 from removing their own 管理者 role or stopping themselves, saying why', async () => {
    const list = userListSchema.parse(await (await admin.get('/api/v1/users')).json());
    const self = list.users.find((u) => u.loginId === 'admin');
    if (!self) throw new Error('no admin');
    const detail = await detailOf(self.id);
    const before = await databaseFingerprint(t.database.db);
    const demote = await admin.send('PUT', `/api/v1/users/${self.id}`, {
      displayName: self.displayName,
      email: self.email,
      grants: [{ role: 'viewer' }],
      lastChangeId: detail.lastChangeId,
    });
    expect(demote.status).toBe(400);
    expect(await errorOf(demote)).toMatchObject({
      message: expect.stringContaining('自分の管理者の役割は外せません'),
      issues: [{ path: 'grants' }],
    });
    const stop = await admin.send('POST', `/api/v1/users/${self.id}/deactivate`);
    expect(stop.status).toBe(403);
    expect((await errorOf(stop)).message).toContain('自分自身は利用停止にできません');
    const reset = await admin.send('POST', `/api/v1/users/${self.id}/reset-password`);
    expect(reset.status).toBe(403);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);
  });
});

describe('利用停止 and 利用再開', () => {
  it('ends the user’s open session, refuses their sign-in, and lets them back after 利用再開', async () => {
    const { detail } = await create({
      loginId: 'takahashi',
      displayName: '高橋',
      grants: [grant],
      password: newPassword,
      mustChangePassword: false,
    });
    const { client } = await signInAs('takahashi', newPassword);
    expect((await client.get('/api/v1/home')).status).toBe(200);

    const res = await admin.send('POST', `/api/v1/users/${detail.user.id}/deactivate`);
    expect(res.status).toBe(200);
    const stopped = userDetailSchema.parse(await res.json());
    expect(stopped.user.disabled).toBe(true);
    expect(stopped.changes[0]).toMatchObject({
      action: 'deactivated',
      label: '利用停止',
      description: 'ログイン中のセッション1件を終了',
    });

    expect((await client.get('/api/v1/home')).status).toBe(401);
    expect(meSchema.parse(await (await client.get('/api/v1/auth/me')).json()).user).toBeNull();
    const again = await signInAs('takahashi', newPassword);
    expect(again.res.status).toBe(401);
    expect((await admin.send('POST', `/api/v1/users/${detail.user.id}/deactivate`)).status).toBe(409);

    const back = await admin.send('POST', `/api/v1/users/${detail.user.id}/reactivate`);
    expect(back.status).toBe(200);
    expect(userDetailSchema.parse(await back.json()).changes[0]).toMatchObject({
      action: 'reactivated',
      label: '利用再開',
    });
    expect((await signInAs('takahashi', newPassword)).res.status).toBe(200);
    expect((await admin.send('POST', `/api/v1/users/${detail.user.id}/reactivate`)).status).toBe(409);
  });

  it('refuses a disabled user at sign-in and in the session lookup even when set behind the app’s back', async () => {
    const { client } = await signInAs('fukushi-staff', demoPassword);
    await t.database.db.update(users).set({ disabled: true }).where(eq(users.loginId, 'fukushi-staff'));
    expect((await client.get('/api/v1/home')).status).toBe(401);
    expect((await signInAs('fukushi-staff', demoPassword)).res.status).toBe(401);
    await t.database.db.update(users).set({ disabled: false }).where(eq(users.loginId, 'fukushi-staff'));
  });
});

describe('パスワードの再設定', () => {
  it('issues a temporary password once, ends the sessions, and the old password no longer works', async () => {
    const { detail } = await create({
      loginId: 'ito',
      displayName: '伊藤',
      grants: [grant],
      password: newPassword,
      mustChangePassword: false,
    });
    const { client } = await signInAs('ito', newPassword);
    const res = await admin.send('POST', `/api/v1/users/${detail.user.id}/reset-password`);
    expect(res.status).toBe(200);
    const reset = userWithPasswordSchema.parse(await res.json());
    expect(reset.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(reset.detail.user.mustChangePassword).toBe(true);
    expect(reset.detail.changes[0]).toMatchObject({ action: 'password_reset' });
    expect(JSON.stringify(reset.detail.changes)).not.toContain(reset.temporaryPassword);
    expect((await client.get('/api/v1/home')).status).toBe(401);
    expect((await signInAs('ito', newPassword)).res.status).toBe(401);
    const fresh = await signInAs('ito', reset.temporaryPassword ?? '');
    expect(fresh.res.status).toBe(200);
    expect((await fresh.client.get('/api/v1/home')).status).toBe(403);
  });
});

describe('whose users', () => {
  it('keeps a 管理者 to their own municipality and lets a システム管理者 name any', async () => {
    const nagaoka = await t.as('nagaoka-admin');
    const staff = await t.as('somu-staff');
    const niigataUser = userListSchema.parse(await (await admin.get('/api/v1/users')).json()).users[0];
    if (!niigataUser) throw new Error('no user');
    const before = await databaseFingerprint(t.database.db);
    const named = await admin.get(`/api/v1/users?municipality=${encodeURIComponent('長岡市')}`);
    expect(named.status).toBe(403);
    expect((await errorOf(named)).message).toContain('長岡市のユーザーは扱えません');
    for (const res of [
      await nagaoka.get(`/api/v1/users/${niigataUser.id}`),
      await nagaoka.send('POST', `/api/v1/users/${niigataUser.id}/deactivate`),
      await nagaoka.send('POST', `/api/v1/users/${niigataUser.id}/reset-password`),
    ]) {
      expect(res.status).toBe(403);
      expect((await errorOf(res)).message).toContain('新潟市のユーザーは扱えません');
    }
    const notAdmin = await staff.get('/api/v1/users');
    expect(notAdmin.status).toBe(403);
    expect((await errorOf(notAdmin)).message).toBe(
      'ユーザーの一覧と記録を見られるのは管理者・システム管理者です。',
    );
    expect((await t.public.get('/api/v1/users')).status).toBe(401);
    expect((await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await databaseFingerprint(t.database.db)).toEqual(before);

    await createUser(t.database.db, {
      municipality: '新潟市',
      loginId: 'sysadmin-test',
      displayName: 'システム管理者',
      password: newPassword,
      grants: [],
      systemAdmin: true,
    });
    const { client: system } = await signInAs('sysadmin-test', newPassword);
    const other = userListSchema.parse(
      await (await system.get(`/api/v1/users?municipality=${encodeURIComponent('長岡市')}`)).json(),
    );
    expect(other.municipality).toBe('長岡市');
    expect(other.users.map((u) => u.loginId).sort()).toEqual(['nagaoka-admin', 'nagaoka-kikaku']);
    const made = await create(
      { loginId: 'nagaoka-new', displayName: '長岡 新人', grants: [{ role: 'planner', ward: '中央区' }] },
      system,
      `?municipality=${encodeURIComponent('長岡市')}`,
    );
    expect(made.detail).toMatchObject({ municipality: '長岡市', changes: [{ by: 'システム管理者' }] });
    // A 管理者 cannot take over a システム管理者's account.
    const systemId = userListSchema
      .parse(await (await admin.get('/api/v1/users')).json())
      .users.find((u) => u.loginId === 'sysadmin-test')?.id;
    const takeover = await admin.send('POST', `/api/v1/users/${systemId}/reset-password`);
    expect(takeover.status).toBe(403);
    expect((await errorOf(takeover)).message).toBe(
      'システム管理者のユーザーを変更できるのはシステム管理者だけです。',
    );
  });
});
