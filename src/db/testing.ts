import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase } from './client';

/** A test database; `url` is set on PostgreSQL (for a server or command started on it). */
export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own and drops it
 * on close; otherwise it clones an in-memory PGlite template migrated once per test worker.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

/**
 * A new database with nothing in it, not even the schema (what `mokuhyo restore` expects):
 * a new in-memory PGlite, or with TEST_DATABASE_URL a new PostgreSQL database.
 */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createPostgresDatabase(serverUrl, false);
  return openDatabase({ engine: 'pglite', client: await PGlite.create(), migrate: false });
}

let template: Promise<PGlite> | undefined;

async function createPgliteDatabase(): Promise<TestDatabase> {
  template ??= (async () => {
    const client = await PGlite.create();
    await openDatabase({ engine: 'pglite', client });
    return client;
  })();
  const client = (await (await template).clone()) as PGlite;
  return openDatabase({ engine: 'pglite', client });
}

async function createPostgresDatabase(serverUrl: string, migrate = true): Promise<TestDatabase> {
  const name = `mokuhyo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString(), migrate });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}
