import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * A long chain of queries (an import's transaction, a booklet's reads) leaves the event loop
 * turns in which other requests are answered. On PGlite the queries run in this thread, so
 * without them a timer set at the chain's start would fire only after its last query; on
 * PostgreSQL every answer comes over a socket anyway.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

type Run = (query: string) => PromiseLike<unknown>;

/**
 * Runs queries one after another until a timer set at the start has fired (at most `limit`);
 * returns how many had run when it fired (-1: it had not) and how many ran.
 */
async function queriesBeforeTimer(run: Run, limit: number): Promise<{ atTimer: number; ran: number }> {
  let ran = 0;
  let atTimer = -1;
  const timer = setTimeout(() => {
    atTimer = ran;
  }, 0);
  for (; ran < limit && atTimer === -1; ran++) await run('select count(*) from pg_class');
  clearTimeout(timer);
  return { atTimer, ran };
}

describe('long chains of queries', () => {
  it('let a timer fire before they end, in and out of a transaction', async () => {
    const { db } = database;
    const outside = await queriesBeforeTimer((q) => db.execute(sql.raw(q)), 2_000);
    expect(outside.atTimer).not.toBe(-1);
    const inside = await db.transaction((tx) => queriesBeforeTimer((q) => tx.execute(sql.raw(q)), 2_000));
    expect(inside.atTimer).not.toBe(-1);
  });

  it('keep the order of queries sent at once, and a savepoint rolled back after a turn leaves nothing', async () => {
    const { db } = database;
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql.raw('create temporary table turn_order (n int, seq serial) on commit drop'));
      // Hold the loop past the 10 ms: the queries sent next wait for a turn, all of them.
      const until = performance.now() + 20;
      while (performance.now() < until);
      await Promise.all(
        Array.from({ length: 20 }, (_, n) => tx.execute(sql`insert into turn_order (n) values (${n})`)),
      );
      await tx
        .transaction(async (savepoint) => {
          await queriesBeforeTimer((q) => savepoint.execute(sql.raw(q)), 2_000);
          await savepoint.execute(sql`insert into turn_order (n) values (${-1})`);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const { rows } = (await tx.execute(sql.raw('select n from turn_order order by seq'))) as unknown as {
        rows: { n: number }[];
      };
      return rows.map((row) => row.n);
    });
    expect(rows).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });
});
