import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { users } from '../../../db/schema';
import { demoPassword } from '../../../db/seed/demo-users';
import { loadSampleIfEmpty } from '../../../db/seed/load-sample';
import { createTestDatabase } from '../../../db/testing';
import { AppError } from '../../app-error';
import { createUser } from './create-user';
import { setEmail } from './set-email';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadSampleIfEmpty(database.db);
});
afterAll(async () => {
  await database?.close();
});

const base = {
  municipality: '新潟市',
  password: 'nagai-aikotoba-no-rei',
  grants: [{ role: 'editor' as const, ward: '北区', organization: '地域総務課' }],
};

describe('a new user’s names follow the one text rule', () => {
  it('stores a display name as written, markup included, and trims the names things are found by', async () => {
    const { id } = await createUser(database.db, {
      ...base,
      loginId: ' tanaka ',
      displayName: '<田中> & {{係長}}',
      grants: [{ role: 'editor', ward: ' 北区', organization: '地域総務課 ' }],
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, id));
    expect([row?.loginId, row?.displayName]).toEqual(['tanaka', '<田中> & {{係長}}']);
  });

  it('refuses a control character or a lone surrogate with the field, writing nothing', async () => {
    const attempt = createUser(database.db, { ...base, loginId: 'sato\u0000', displayName: '佐藤\ud800' });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: 'invalid',
      issues: [
        { path: 'loginId', message: '使えない制御文字（U+0000）が含まれています（5文字目）' },
        {
          path: 'displayName',
          message: '文字として読めない符号（対になっていないサロゲート U+D800）が含まれています（3文字目）',
        },
      ],
    });
    expect(await database.db.select().from(users).where(eq(users.loginId, 'sato'))).toEqual([]);
  });
});

describe('a new user’s password follows the policy', () => {
  it('refuses a short, a common or a login-id password with every reason on the field password, writing nothing', async () => {
    for (const [password, message] of [
      [
        'short-pass',
        '12文字以上にしてください（今は10文字です）。単語をいくつか空白でつないだ文（パスフレーズ）も使えます',
      ],
      ['Password1234', 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください'],
      ['qwertyuiop123', 'よく使われていて推測されやすいパスワードです。別のパスワードにしてください'],
      ['ito-no-pasuwado', 'ログインIDを含まないパスワードにしてください'],
    ] as const) {
      const attempt = createUser(database.db, { ...base, loginId: 'ito', displayName: '伊藤', password });
      await expect(attempt, password).rejects.toMatchObject({
        code: 'invalid',
        message: 'このパスワードは使えません。',
        issues: [{ path: 'password', message }],
      });
    }
    expect(await database.db.select().from(users).where(eq(users.loginId, 'ito'))).toEqual([]);
  });

  it('reports a bad name and a bad password together', async () => {
    const attempt = createUser(database.db, { ...base, loginId: '', displayName: '伊藤', password: 'x' });
    await expect(attempt).rejects.toMatchObject({
      message: 'ユーザーの内容に誤りがあります。',
      issues: [{ path: 'loginId' }, { path: 'password' }],
    });
  });

  it('takes the demo password and a passphrase', async () => {
    await expect(
      createUser(database.db, { ...base, loginId: 'kato', displayName: '加藤', password: demoPassword }),
    ).resolves.toHaveProperty('id');
    await expect(
      createUser(database.db, {
        ...base,
        loginId: 'kimura',
        displayName: '木村',
        password: '北区の 春は 桜と チューリップ',
      }),
    ).resolves.toHaveProperty('id');
  });
});

describe('the address of a user’s 通知 (set-email)', () => {
  it('is set, changed and removed by login id; a bad address or an unknown user changes nothing', async () => {
    await createUser(database.db, { ...base, loginId: 'suzuki', displayName: '鈴木' });
    const emailOf = async () =>
      (await database.db.select({ email: users.email }).from(users).where(eq(users.loginId, 'suzuki')))[0]
        ?.email;
    expect(await emailOf()).toBeNull();
    await setEmail(database.db, 'suzuki', ' suzuki@city.example.lg.jp ');
    expect(await emailOf()).toBe('suzuki@city.example.lg.jp');
    const bad = await setEmail(database.db, 'suzuki', 'suzuki@').catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).issues).toEqual([
      { path: 'email', message: 'メールアドレスの形式が正しくありません（例：yamada@city.example.lg.jp）' },
    ]);
    const unknown = await setEmail(database.db, 'nobody', 'a@city.example.lg.jp').catch((e: unknown) => e);
    expect((unknown as AppError).message).toBe('ログインID「nobody」のユーザーは見つかりませんでした。');
    expect(await emailOf()).toBe('suzuki@city.example.lg.jp');
    await setEmail(database.db, 'suzuki', null);
    expect(await emailOf()).toBeNull();
  });
});
