import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { migrateJobQueue, type SqlExecutor } from './job-queue';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Plain SQL over the same connection(s), for pg-boss (the job queue). */
  sql: SqlExecutor;
  /**
   * Call `listener` with the id of every sheet whose committed content changed, whichever
   * process changed it (see `notifySheetChanged`). Returns the function that stops listening.
   */
  onSheetChanged(listener: (sheetId: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The channel a write announces changed sheets on; delivered to listeners on commit. */
export const sheetChangesChannel = 'mokuhyo_sheet_changes';

export type DatabaseOptions =
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string }
  /** An already-open PGlite (tests clone one template). */
  | { engine: 'pglite'; client: PGlite };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Open the database and bring its schema up to date with the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    const sql: SqlExecutor = {
      executeSql: async (text, values) => {
        const result: pg.QueryResult | pg.QueryResult[] = await pool.query(text, values);
        // Several statements in one text answer with one result each.
        return { rows: Array.isArray(result) ? (result.at(-1)?.rows ?? []) : result.rows };
      },
    };
    await migrateJobQueue(sql);
    const listeners: pg.Client[] = [];
    return {
      db: db as unknown as Db,
      engine: 'postgres',
      sql,
      onSheetChanged: async (listener) => {
        const client = new pg.Client({ connectionString: options.url });
        await client.connect();
        client.on('notification', (message) => {
          if (message.channel === sheetChangesChannel && message.payload) listener(message.payload);
        });
        await client.query(`LISTEN ${sheetChangesChannel}`);
        listeners.push(client);
        return () => client.end();
      },
      close: async () => {
        await Promise.all(listeners.map((client) => client.end().catch(() => {})));
        await pool.end();
      },
    };
  }
  const release = 'dataDir' in options ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = 'client' in options ? options.client : await PGlite.create({ dataDir: options.dataDir });
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder });
    const sql = pgliteExecutor(client);
    await migrateJobQueue(sql);
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      sql,
      onSheetChanged: async (listener) => {
        const unlisten = await client.listen(sheetChangesChannel, listener);
        return () => unlisten();
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite runs one statement with parameters (`query`) or several without (`exec`, which pg-boss
 * uses for its `BEGIN; …; COMMIT` maintenance). A failed `exec` may leave its transaction open on
 * the one connection every query of the process shares: roll it back.
 */
function pgliteExecutor(client: PGlite): SqlExecutor {
  return {
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      try {
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      } catch (error) {
        await client.exec('ROLLBACK').catch(() => {});
        throw error;
      }
    },
  };
}
