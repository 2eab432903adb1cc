import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { plainParsers } from './pglite-client';

/** Plain SQL with `$1…` parameters, as pg-boss runs it over the app's own connection. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** pg-boss keeps its tables in a schema of their own. */
export const jobQueueSchema = 'pgboss';
/** The one queue every kind of job goes through (the kind is on the job's own row). */
export const jobQueueName = 'mokuhyo_jobs';
/** A job interrupted by a stop or a crash is tried again this many times, then reported as failed. */
const jobRetryLimit = 2;

/**
 * Create or upgrade pg-boss's schema and the app's queue. Part of the migration step: it runs
 * DDL, so it runs as the owner of the database, never as the app's runtime role (which starts
 * pg-boss with `migrate: false`).
 */
export async function migrateJobQueue(db: SqlExecutor): Promise<void> {
  const boss = new PgBoss({
    db: db as PgBoss.Db,
    schema: jobQueueSchema,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', (error) => console.error(error));
  await boss.start();
  try {
    const queue = { name: jobQueueName, policy: 'standard', retryLimit: jobRetryLimit } as const;
    await boss.createQueue(jobQueueName, queue);
    await boss.updateQueue(jobQueueName, queue);
  } finally {
    await boss.stop({ graceful: false, close: false });
  }
}

/**
 * PGlite runs one statement with parameters (`query`) or several without (`exec`, which pg-boss
 * uses for its `BEGIN; …; COMMIT` maintenance). A failed `exec` may leave its transaction open on
 * the one connection every query of the process shares: roll it back.
 */
export function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values, { parsers: plainParsers });
      try {
        const results = await client.exec(text, { parsers: plainParsers });
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        await client.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}

/** The same over one PostgreSQL client or pool. */
export function pgExecutor(client: pg.Pool | pg.Client): SqlExecutor {
  return {
    executeSql: async (text, values) => {
      const result: pg.QueryResult | pg.QueryResult[] = await client.query(text, values);
      // Several statements in one text answer with one result each.
      return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
    },
  };
}
