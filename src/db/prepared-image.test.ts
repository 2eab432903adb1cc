import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../server/features/auth/password';
import { openDatabase } from './client';
import { preparedImage, startFromImage } from './prepared-image';
import { sheets, users } from './schema';
import { demoPassword, demoUsers } from './seed/demo-users';
import { sampleImage } from './seed/load-sample';

const dirs: string[] = [];
async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-image-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function contents(dataDir: string) {
  const database = await openDatabase({ engine: 'pglite', dataDir });
  try {
    const [sheetCount] = await database.db.select({ n: count() }).from(sheets);
    const [admin] = await database.db.select().from(users).where(eq(users.loginId, 'admin'));
    const userCount = await database.db.select({ n: count() }).from(users);
    return {
      startedFrom: database.startedFrom,
      sheets: sheetCount?.n ?? 0,
      users: userCount[0]?.n ?? 0,
      adminPasswordWorks: admin ? await verifyPassword(demoPassword, admin.passwordHash) : false,
    };
  } finally {
    await database.close();
  }
}

describe('prepared database images', () => {
  it('a new data directory starts from the sample image: the 8 sheets and the demo users, signed in with the demo password', async () => {
    await sampleImage();
    const dir = await newDataDir();
    expect(await startFromImage(dir, ['sample', 'migrated'])).toBe('sample');
    expect(await contents(dir)).toEqual({
      startedFrom: null, // it held a database by the time it was opened
      sheets: 8,
      users: demoUsers.length,
      adminPasswordWorks: true,
    });
  }, 120_000);

  it('without the sample, from the migrated image: empty, and opened as a new start says so', async () => {
    await preparedImage('migrated');
    const dir = await newDataDir();
    const database = await openDatabase({ engine: 'pglite', dataDir: dir });
    expect(database.startedFrom).toBe('migrated');
    await database.close();
    expect(await contents(dir)).toMatchObject({ startedFrom: null, sheets: 0, users: 0 });
  }, 120_000);

  it('openDatabase with `sample` starts a new directory from the sample image, and never copies over a database', async () => {
    await sampleImage();
    const dir = await newDataDir();
    const first = await openDatabase({ engine: 'pglite', dataDir: dir, sample: true });
    expect(first.startedFrom).toBe('sample');
    await first.db.update(sheets).set({ phone: '025-000-0000' });
    await first.close();
    const again = await openDatabase({ engine: 'pglite', dataDir: dir, sample: true });
    expect(again.startedFrom).toBeNull();
    const phones = await again.db.selectDistinct({ phone: sheets.phone }).from(sheets);
    expect(phones).toEqual([{ phone: '025-000-0000' }]);
    await again.close();
  }, 120_000);
});
