import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './testing';

/**
 * Dates and times read the same whichever engine is behind the app: drizzle gets them as
 * PostgreSQL writes them (it maps them itself), plain SQL (pg-boss) as JavaScript dates, as
 * node-postgres gives them. On PGlite drizzle's parsers are set on the client once
 * (src/db/pglite-client.ts), so both readers share one client and must still each get theirs.
 */

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const values = `select timestamptz '2022-04-01 09:30:00+09' as at, date '2022-04-01' as day,
  timestamp '2022-04-01 09:30:00' as local, array[timestamptz '2022-04-01 09:30:00+09'] as ats`;

/** The first row `execute` answered with (both drivers answer `{ rows }`). */
async function throughDrizzle(run: (query: string) => PromiseLike<unknown>) {
  const { rows } = (await run(values)) as { rows: Record<string, unknown>[] };
  return rows[0];
}

describe('dates and times', () => {
  it('drizzle reads them as written, in and out of a transaction and a savepoint', async () => {
    const { db } = database;
    const asWritten = {
      at: '2022-04-01 00:30:00+00',
      day: '2022-04-01',
      local: '2022-04-01 09:30:00',
      ats: '{"2022-04-01 00:30:00+00"}',
    };
    expect(await throughDrizzle((q) => db.execute(sql.raw(q)))).toEqual(asWritten);
    await db.transaction(async (tx) => {
      expect(await throughDrizzle((q) => tx.execute(sql.raw(q)))).toEqual(asWritten);
      await tx.transaction(async (nested) => {
        expect(await throughDrizzle((q) => nested.execute(sql.raw(q)))).toEqual(asWritten);
      });
    });
  });

  it('plain SQL, as pg-boss sends it, reads them as JavaScript dates', async () => {
    const at = new Date('2022-04-01T00:30:00Z');
    const withParameter = await database.sql.executeSql(`${values}, $1::int as n`, [1]);
    const withoutParameter = await database.sql.executeSql(values);
    for (const { rows } of [withParameter, withoutParameter]) {
      const [row] = rows as Record<string, unknown>[];
      expect(row?.at).toEqual(at);
      expect(row?.ats).toEqual([at]);
      expect(row?.day).toBeInstanceOf(Date);
      expect(row?.local).toBeInstanceOf(Date);
    }
  });
});
