import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase } from './client';

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own and drops it
 * on close; otherwise it clones an in-memory PGlite template migrated once per test worker.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

let template: Promise<PGlite> | undefined;

async function createPgliteDatabase(): Promise<Database> {
  template ??= (async () => {
    const client = await PGlite.create();
    await openDatabase({ engine: 'pglite', client });
    return client;
  })();
  const client = (await (await template).clone()) as PGlite;
  return openDatabase({ engine: 'pglite', client });
}

async function createPostgresDatabase(serverUrl: string): Promise<Database> {
  const { url, drop } = await createPostgresTestDatabase(serverUrl);
  const database = await openDatabase({ engine: 'postgres', url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, for a test that opens it more
 * than once (several app servers on one database); `drop` removes it.
 */
export async function createPostgresTestDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mokuhyo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}
