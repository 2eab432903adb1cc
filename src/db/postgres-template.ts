import pg from 'pg';
import { type Db, openDatabase } from './client';
import { contentKey } from './content-key';

/**
 * Test databases on PostgreSQL start from template databases: one migrated (and optionally
 * filled) once per server and content, then copied for each test with
 * `CREATE DATABASE … TEMPLATE …` (a file copy on the server, a fraction of a second), where
 * migrating a new database costs a second or more and filling it with the sample several.
 * A template's name carries a hash of the files that decide its content (as PGlite's template
 * files do), so a changed migration or import rule builds a new one and a stale one is never used.
 */
export interface PostgresTemplateRecipe {
  name: string;
  /** Project files and folders (taken whole, without tests or the web app) that decide the content. */
  inputs: string[];
  /** Fill the migrated database, connected as the app's role; absent: migrated and empty. */
  fill?(db: Db): Promise<void>;
}

export const migratedPostgresRecipe: PostgresTemplateRecipe = {
  name: 'migrated',
  inputs: ['src/db', 'package-lock.json'],
};

const prefix = 'mokuhyo_template_';

async function asAdmin<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/** The same server and user, on another database. */
export function onDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database named `name`, a copy of `template` (template0: nothing in it). */
export async function createDatabaseFrom(serverUrl: string, name: string, template: string): Promise<void> {
  await asAdmin(serverUrl, (admin) =>
    admin.query(
      template === 'template0'
        ? `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`
        : `CREATE DATABASE ${name} TEMPLATE ${template}`,
    ),
  );
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await asAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name}`));
}

async function build(serverUrl: string, recipe: PostgresTemplateRecipe, name: string): Promise<void> {
  const part = `${name}_part_${process.pid}`;
  await createDatabaseFrom(serverUrl, part, 'template0');
  try {
    const database = await openDatabase({
      engine: 'postgres',
      url: onDatabase(process.env.TEST_DATABASE_APP_URL ?? serverUrl, part),
      migrationUrl: onDatabase(serverUrl, part),
    });
    try {
      await recipe.fill?.(database.db);
    } finally {
      await database.close();
    }
    // Renamed when whole, so a test never copies half a template; another process may have won.
    await asAdmin(serverUrl, (admin) => admin.query(`ALTER DATABASE ${part} RENAME TO ${name}`));
  } catch (error) {
    await dropDatabase(serverUrl, part);
    if ((error as { code?: string }).code !== '42P04') throw error; // 42P04: it exists already
  }
}

const templates = new Map<string, Promise<string>>();

/**
 * The name of `recipe`'s template database on the server at `serverUrl` for the current
 * content, built if there is none (the vitest global setup builds them before any test file
 * starts). Older templates of the same recipe are dropped when a new one is built.
 */
export function postgresTemplate(serverUrl: string, recipe: PostgresTemplateRecipe): Promise<string> {
  const key = `${serverUrl}\0${recipe.name}`;
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const name = `${prefix}${recipe.name}_${await contentKey(recipe.inputs)}`;
      const found = await asAdmin(serverUrl, (admin) =>
        admin.query<{ datname: string }>('select datname from pg_database where datname like $1', [
          `${prefix}${recipe.name}\\_%`,
        ]),
      );
      const names = found.rows.map((row) => row.datname);
      if (names.includes(name)) return name;
      await build(serverUrl, recipe, name);
      for (const older of names.filter((other) => !other.includes('_part_'))) {
        await dropDatabase(serverUrl, older).catch(() => {}); // in use by a test still running: left
      }
      return name;
    })();
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  return template;
}
