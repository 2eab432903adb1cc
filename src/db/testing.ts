import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './client';
import { loadTemplate, migratedRecipe, templateFile } from './pglite-template';

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own, owned and
 * migrated by that user, and drops it on close; the app connects as the user of
 * TEST_DATABASE_APP_URL when given (scripts/with-postgres.sh gives both, as a deployment has
 * them). Otherwise it loads the migrated PGlite template, saved once for the
 * current migrations (see `pglite-template.ts`), into a new in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? createPostgresDatabase(serverUrl) : createPgliteDatabase();
}

async function createPgliteDatabase(): Promise<Database> {
  const client = await loadTemplate(await templateFile(migratedRecipe));
  return openDatabase({ engine: 'pglite', client });
}

async function createPostgresDatabase(serverUrl: string): Promise<Database> {
  const name = `mokuhyo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`,
  );
  await admin.end();
  const ownerUrl = onDatabase(serverUrl, name);
  const appServerUrl = process.env.TEST_DATABASE_APP_URL;
  const database = await openDatabase({
    engine: 'postgres',
    url: appServerUrl ? onDatabase(appServerUrl, name) : ownerUrl,
    migrationUrl: ownerUrl,
  });
  return {
    ...database,
    close: async () => {
      await database.close();
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
