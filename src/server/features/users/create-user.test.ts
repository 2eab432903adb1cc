import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { users } from '../../../db/schema';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../../../db/testing';
import { AppError } from '../../app-error';
import { importWardYear } from '../interchange/import-ward-year';
import { createUser } from './create-user';

let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  await importWardYear(database.db, sample);
});
afterAll(async () => {
  await database?.close();
});

const base = {
  municipality: '新潟市',
  password: 'long-enough-password',
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
