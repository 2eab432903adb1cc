import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /**
   * Call `listener` with the id of every sheet whose committed content changed, whichever
   * process changed it (see `notifySheetChanged`). Returns the function that stops listening.
   */
  onSheetChanged(listener: (sheetId: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The channel a write announces changed sheets on; delivered to listeners on commit. */
export const sheetChangesChannel = 'mokuhyo_sheet_changes';

export type DatabaseOptions = (
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string }
  /** An already-open PGlite (tests clone one template). */
  | { engine: 'pglite'; client: PGlite }
) & {
  /** false: leave the schema as it is (a restore applies the migrations itself). Default true. */
  migrate?: boolean;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Apply the migrations of `folder` (default: the committed ones) not yet applied to the database. */
export async function applyMigrations(database: Database, folder = migrationsFolder): Promise<void> {
  if (database.engine === 'postgres') {
    await migratePg(database.db as unknown as Parameters<typeof migratePg>[0], { migrationsFolder: folder });
  } else {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], {
      migrationsFolder: folder,
    });
  }
}

/** Open the database and bring its schema up to date with the committed migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrate = options.migrate !== false;
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema });
    if (migrate) await migratePg(db, { migrationsFolder });
    const listeners: pg.Client[] = [];
    return {
      db: db as unknown as Db,
      engine: 'postgres',
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
    if (migrate) await migratePglite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      engine: 'pglite',
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
