import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from './job-queue';
import { copiesClosed, drizzleClientOf, embeddedStartParams } from './pglite-client';
import { migrationsFolder, preparePgliteSchema, preparePostgresSchema } from './prepare-schema';
import { type ImageName, startFromImage } from './prepared-image';
import * as schema from './schema';
import { removeLeftoverCopies } from './snapshot-copy';
import { statementLog } from './statement-log';

type Schema = typeof schema;
/** The one database type the app uses, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction has the same query API as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The prepared image a new embedded data directory was started from (null: it held a database already, or not embedded). */
  startedFrom: ImageName | null;
  /** Plain SQL over the same connection(s), for pg-boss (the job queue). */
  sql: SqlExecutor;
  /**
   * Call `listener` with the id of every sheet whose committed content changed, whichever
   * process changed it (see `notifySheetChanged`). Returns the function that stops listening.
   */
  onSheetChanged(listener: (sheetId: string) => void): Promise<() => Promise<void>>;
  /**
   * Call `listener` with the id of every 部/区 whose committed sheets or year changed, or with
   * null when organizations or municipalities changed (see `notifyWardChanged`).
   */
  onWardChanged(listener: (wardId: string | null) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The channel a write announces changed sheets on; delivered to listeners on commit. */
export const sheetChangesChannel = 'mokuhyo_sheet_changes';
/** The channel a write announces changed 部/区 on (`*`: every one). */
export const wardChangesChannel = 'mokuhyo_ward_changes';
/** A change of organizations or municipalities, announced on `wardChangesChannel`. */
export const everyWard = '*';
const wardOf = (payload: string) => (payload === everyWard ? null : payload);

export type DatabaseOptions = {
  /**
   * Whom the returned connection acts as: the app's role (the default, and always for serving)
   * or the tables' owner, for work that must be the owner's (a restore).
   */
  as?: 'app' | 'owner';
  /** false: leave the schema as it is (a restore applies the migrations itself). Default true. */
  migrate?: boolean;
} & (
  | {
      engine: 'postgres';
      /** The app's connection (DATABASE_URL): a role that does not own the tables. */
      url: string;
      /** The owner's (DATABASE_MIGRATION_URL): migrations run over it. Absent: `url` is both. */
      migrationUrl?: string;
    }
  | {
      engine: 'pglite';
      dataDir: string;
      /** A new data directory starts with the sample and the demo users (the `sample` image) when that image was made. */
      sample?: boolean;
    }
  /** An already-open PGlite (tests clone one template). */
  | { engine: 'pglite'; client: PGlite }
);

export { migrationsFolder };

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

/**
 * Open the database: bring its schema up to date with the committed migrations as the tables'
 * owner, grant the app's role its rights (src/db/app-role.ts), and connect as the app's role.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const migrate = options.migrate !== false;
  if (options.engine === 'postgres') {
    const ownerUrl = options.migrationUrl ?? options.url;
    const url = options.as === 'owner' ? ownerUrl : options.url;
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    try {
      const { rows } = await pool.query<{ role: string }>('select current_user as role');
      if (migrate) await preparePostgresSchema({ ownerUrl, appRole: rows[0]?.role ?? '' });
    } catch (error) {
      await pool.end();
      throw error;
    }
    const db = drizzlePg(pool, { schema, logger: statementLog });
    const sql = pgExecutor(pool);
    const listeners: pg.Client[] = [];
    const listen = async (channel: string, listener: (payload: string) => void) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload) listener(message.payload);
      });
      await client.query(`LISTEN ${channel}`);
      listeners.push(client);
      return () => client.end();
    };
    return {
      db: db as unknown as Db,
      engine: 'postgres',
      startedFrom: null,
      sql,
      onSheetChanged: (listener) => listen(sheetChangesChannel, listener),
      onWardChanged: (listener) => listen(wardChangesChannel, (payload) => listener(wardOf(payload))),
      close: async () => {
        await Promise.all(listeners.map((client) => client.end().catch(() => {})));
        await pool.end();
      },
    };
  }
  const release = 'dataDir' in options ? lockDataDir(options.dataDir) : () => {};
  let opened: PGlite | undefined;
  try {
    // Holding the lock, this process alone may use (or remove) what a stopped one left.
    if ('dataDir' in options) await removeLeftoverCopies(options.dataDir);
    // A restore (migrate: false) brings an empty database to the backup's own migrations.
    const startedFrom =
      'dataDir' in options && migrate
        ? await startFromImage(options.dataDir, options.sample ? ['sample', 'migrated'] : ['migrated'])
        : null;
    const client =
      'client' in options
        ? options.client
        : await PGlite.create({ dataDir: options.dataDir, startParams: embeddedStartParams });
    if (!('client' in options)) opened = client; // ours to close if the schema step fails
    if (migrate) await preparePgliteSchema(client, { as: options.as ?? 'app' });
    const db = drizzlePglite({ client: drizzleClientOf(client), schema, logger: statementLog });
    db.$client = client; // drizzle's handle on the client is the PGlite itself, not the wrapper
    const sql = pgliteExecutor(client);
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      startedFrom,
      sql,
      onSheetChanged: async (listener) => {
        const unlisten = await client.listen(sheetChangesChannel, listener);
        return () => unlisten();
      },
      onWardChanged: async (listener) => {
        const unlisten = await client.listen(wardChangesChannel, (payload) => listener(wardOf(payload)));
        return () => unlisten();
      },
      close: async () => {
        await copiesClosed(client);
        await client.close();
        release();
      },
    };
  } catch (error) {
    await opened?.close();
    release();
    throw error;
  }
}
