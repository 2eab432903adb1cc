import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from './client';
import { loadTemplate, migratedRecipe, templateFile } from './pglite-template';

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own and drops it
 * on close; otherwise it loads the migrated PGlite template, saved once for the current
 * migrations (see `pglite-template.ts`), into a new in-memory PGlite.
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
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ engine: 'postgres', url: url.toString() });
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
