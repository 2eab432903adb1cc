import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { type Database, openDatabase } from './client';
import { loadTemplate, migratedRecipe, templateFile } from './pglite-template';
import {
  createDatabaseFrom,
  dropDatabase,
  migratedPostgresRecipe,
  onDatabase,
  type PostgresTemplateRecipe,
  postgresTemplate,
} from './postgres-template';

/** A test database; `url` is set on PostgreSQL (for a server or command started on it). */
export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated, empty database for one test. With TEST_DATABASE_URL (a PostgreSQL server
 * URL whose user may create databases) each call creates a database of its own, owned by that
 * user and copied from the migrated template database (see `postgres-template.ts`), and drops
 * it on close; the app connects as the user of
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
  return serverUrl ? createPostgresDatabase(serverUrl, migratedPostgresRecipe, as) : createPgliteDatabase(as);
}

/**
 * A new database with nothing in it, not even the schema (what `mokuhyo restore` expects):
 * a new in-memory PGlite, or with TEST_DATABASE_URL a new PostgreSQL database.
 */
export async function createEmptyTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createPostgresDatabase(serverUrl, 'empty');
  return openDatabase({ engine: 'pglite', client: await PGlite.create(), migrate: false });
}

async function createPgliteDatabase(as: 'app' | 'owner'): Promise<TestDatabase> {
  const client = await loadTemplate(await templateFile(migratedRecipe));
  return openDatabase({ engine: 'pglite', client, as });
}

/**
 * A new PostgreSQL test database: a copy of `recipe`'s template database, opened (the schema
 * step then finds nothing to migrate), or with 'empty' nothing at all, opened without migrating.
 */
export async function createPostgresDatabase(
  serverUrl: string,
  recipe: PostgresTemplateRecipe | 'empty',
  as: 'app' | 'owner' = 'app',
): Promise<TestDatabase> {
  const migrate = recipe !== 'empty';
  const template = migrate ? await postgresTemplate(serverUrl, recipe) : 'template0';
  const { url, appUrl, drop } = await createPostgresTestDatabase(serverUrl, template);
  const database = await openDatabase({
    engine: 'postgres',
    url: appUrl,
    migrationUrl: url,
    migrate,
    // An empty database is for a restore, which is the owner's work.
    as: migrate ? as : 'owner',
  }).catch(async (error: unknown) => {
    await drop();
    throw error;
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
 * A new database on the PostgreSQL server at `serverUrl`, empty unless copied from `template`,
 * for a test that opens it more than once (several app servers on one database): `url` as its
 * owner, `appUrl` as the app's role (TEST_DATABASE_APP_URL's user, else the owner); `drop`
 * removes it.
 */
export async function createPostgresTestDatabase(
  serverUrl: string,
  template = 'template0',
): Promise<{ url: string; appUrl: string; drop(): Promise<void> }> {
  const name = `mokuhyo_test_${randomBytes(6).toString('hex')}`;
  await createDatabaseFrom(serverUrl, name, template);
  return {
    url: onDatabase(serverUrl, name),
    appUrl: onDatabase(process.env.TEST_DATABASE_APP_URL ?? serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}
