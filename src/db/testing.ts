import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase } from './client';
import { loadTemplate, migratedRecipe, templateFile } from './pglite-template';

/** A test database; `url` is set on PostgreSQL (for a server or command started on it). */
export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own, owned and
 * migrated by that user, and drops it on close; the app connects as the user of
 * TEST_DATABASE_APP_URL when given (scripts/with-postgres.sh gives both, as a deployment has
 * them). Otherwise it loads the migrated PGlite template, saved once for the
 * current migrations (see `pglite-template.ts`), into a new in-memory PGlite.
 */
export async function createTestDatabase({
  as = 'app',
}: {
  as?: 'app' | 'owner';
} = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl, true, as) : createPgliteDatabase(as);
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

async function createPgliteDatabase(as: 'app' | 'owner'): Promise<TestDatabase> {
  const client = await loadTemplate(await templateFile(migratedRecipe));
  return openDatabase({ engine: 'pglite', client, as });
}

async function createPostgresDatabase(
  serverUrl: string,
  migrate = true,
  as: 'app' | 'owner' = 'app',
): Promise<TestDatabase> {
  const { url, appUrl, drop } = await createPostgresTestDatabase(serverUrl);
  const database = await openDatabase({
    engine: 'postgres',
    url: appUrl,
    migrationUrl: url,
    migrate,
    // An empty database is for a restore, which is the owner's work.
    as: migrate ? as : 'owner',
  });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop();
    },
  };
}

/**
 * A new, empty database on the PostgreSQL server at `serverUrl`, for a test that opens it more
 * than once (several app servers on one database): `url` as its owner, `appUrl` as the app's
 * role (TEST_DATABASE_APP_URL's user, else the owner); `drop` removes it.
 */
export async function createPostgresTestDatabase(
  serverUrl: string,
): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const name = `mokuhyo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const appServerUrl = process.env.TEST_DATABASE_APP_URL;
  return {
    url: onDatabase(serverUrl, name),
    appUrl: onDatabase(appServerUrl ?? serverUrl, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name}`);
      await dropper.end();
    },
  };
}

/** The same server and user, on another database. */
function onDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
