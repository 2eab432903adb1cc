import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { preparedImage } from './prepared-image';
import { isPlainRead, readsFromSnapshotDuring } from './read-snapshot';
import { municipalities } from './schema';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * While a long writer (an import) holds the embedded database, other readers are answered from a
 * copy of what was committed; writers still wait for it. On PostgreSQL readers never waited.
 */

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await database.close();
});

/** A writer that adds `name` and holds its transaction open until `release()`. */
function longWriter(name: string, db = database.db) {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started: () => void = () => {};
  const inside = new Promise<void>((resolve) => {
    started = resolve;
  });
  const done = readsFromSnapshotDuring(() =>
    db.transaction(async (tx) => {
      await tx.insert(municipalities).values({ name });
      started();
      await gate;
    }),
  );
  return { inside, release, done };
}

const names = async () =>
  (await database.db.select({ name: municipalities.name }).from(municipalities)).map((m) => m.name).sort();

/** 'answered' if `work` ends within 10 s, else 'waited'. */
const answeredSoon = (work: Promise<unknown>) =>
  Promise.race([work.then(() => 'answered'), sleep(10_000).then(() => 'waited')]);

describe('reads during a long write', () => {
  it('are answered while it holds the database, with what was committed and not its own work', async () => {
    await database.db.insert(municipalities).values({ name: '北区市' });
    const writer = longWriter('取込市');
    // Sent before the writer has the database: it waits for the writer's copy, not for its end.
    const early = names();
    await writer.inside;
    const during = names();
    expect(await answeredSoon(early)).toBe('answered');
    expect(await answeredSoon(during)).toBe('answered');
    expect(await early).toEqual(['北区市']);
    expect(await during).toEqual(['北区市']);
    writer.release();
    await writer.done;
    expect(await names()).toEqual(['北区市', '取込市']);
  });

  it('writes sent meanwhile are kept, and read back after it', async () => {
    const writer = longWriter('取込市');
    await writer.inside;
    const write = database.db.insert(municipalities).values({ name: '途中市' });
    // Embedded, the write waits for the writer; on PostgreSQL it may go on at once.
    await sleep(database.engine === 'pglite' ? 200 : 0);
    writer.release();
    await Promise.all([writer.done, write]);
    expect(await names()).toEqual(['取込市', '途中市']);
  });

  it('a writer that fails changes nothing, and reads go on from the database', async () => {
    await database.db.insert(municipalities).values({ name: '北区市' });
    await expect(
      readsFromSnapshotDuring(() =>
        database.db.transaction(async (tx) => {
          await tx.update(municipalities).set({ name: '誤り市' }).where(eq(municipalities.name, '北区市'));
          expect(await names()).toEqual(['北区市']);
          throw new Error('the import found a mistake');
        }),
      ),
    ).rejects.toThrow('the import found a mistake');
    expect(await names()).toEqual(['北区市']);
  });

  it('a statement that looks like a read but writes is refused by the copy and run on the database', async () => {
    const writer = longWriter('取込市');
    await writer.inside;
    const write = database.db.execute(sql`select 1 as one into temporary table snapshot_probe`);
    writer.release();
    await Promise.all([writer.done, write]);
    const result = (await database.db.execute(sql`select one from snapshot_probe`)) as unknown as {
      rows: unknown[];
    };
    expect(result.rows).toEqual([{ one: 1 }]);
  });
});

describe('reads during a long write to a data directory on disk', () => {
  /** The copies beside `dataDir`. */
  const copiesOf = async (dataDir: string) =>
    (await readdir(dirname(dataDir))).filter((name) => name.startsWith(`${basename(dataDir)}.snapshot-`));

  it.skipIf(process.env.TEST_DATABASE_URL)(
    'are answered by a copy of its files beside it, removed when the writer ends (or, left by a stopped server, at the next start)',
    async () => {
      await preparedImage('migrated');
      const dataDir = join(await mkdtemp(join(tmpdir(), 'mokuhyo-read-snapshot-')), 'data');
      // One a stopped server left (named and marked as copies are), and someone's own folder.
      await mkdir(`${dataDir}.snapshot-Ab12Cd`, { recursive: true });
      await writeFile(join(`${dataDir}.snapshot-Ab12Cd`, '.mokuhyo-snapshot-copy'), '');
      await mkdir(`${dataDir}.snapshot-before-upgrade`, { recursive: true });
      const copies = async () => (await copiesOf(dataDir)).filter((name) => !name.endsWith('before-upgrade'));
      const onDisk = await openDatabase({ engine: 'pglite', dataDir });
      const before = await copies();
      expect(before).toEqual([]);
      expect(await copiesOf(dataDir)).toEqual([`${basename(dataDir)}.snapshot-before-upgrade`]);
      try {
        await onDisk.db.insert(municipalities).values({ name: '北区市' });
        const writer = longWriter('取込市', onDisk.db);
        await writer.inside;
        const read = onDisk.db.select({ name: municipalities.name }).from(municipalities);
        expect(await answeredSoon(read)).toBe('answered');
        expect((await read).map((m) => m.name)).toEqual(['北区市']);
        expect((await copies()).length).toBe(before.length + 1);
        writer.release();
        await writer.done;
        const names = await onDisk.db.select({ name: municipalities.name }).from(municipalities);
        expect(names.map((m) => m.name).sort()).toEqual(['北区市', '取込市']);
        for (let waited = 0; (await copies()).length > before.length && waited < 10_000; waited += 50)
          await sleep(50);
        expect(await copies()).toEqual(before);
      } finally {
        await onDisk.close();
        await rm(dirname(dataDir), { recursive: true, force: true });
      }
    },
    120_000,
  );
});

describe('isPlainRead', () => {
  it('takes selects without side effects, and nothing else', () => {
    expect(isPlainRead('select "id" from "sheets" where "id" = $1')).toBe(true);
    expect(isPlainRead('  SELECT count(*) FROM goals')).toBe(true);
    expect(isPlainRead('insert into sheets values ($1)')).toBe(false);
    expect(isPlainRead('with changed(id) as (select 1) select pg_notify($1, $2)')).toBe(false);
    expect(isPlainRead("select pg_notify('mokuhyo_ward_changes', '*')")).toBe(false);
    expect(isPlainRead("select nextval('s')")).toBe(false);
    expect(isPlainRead('select * from sheets for update')).toBe(false);
    expect(isPlainRead('select * from sheets for no key update skip locked')).toBe(false);
    expect(isPlainRead("select set_config('role', 'x', false)")).toBe(false);
    expect(isPlainRead('select pg_try_advisory_lock(1)')).toBe(false);
    expect(isPlainRead('select lastval()')).toBe(false);
  });
});
