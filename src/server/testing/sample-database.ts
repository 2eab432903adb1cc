import { type Database, type Db, openDatabase } from '../../db/client';
import { loadTemplate, migratedRecipe, type TemplateRecipe, templateFile } from '../../db/pglite-template';
import { createDemoUsersIfNone } from '../../db/seed/demo-users';
import sample from '../../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../../db/testing';
import { importWardYear } from '../features/interchange/import-ward-year';

/** Fill a fresh database with the Niigata Kita sample and its demo users. */
async function fillWithSample(db: Db): Promise<void> {
  await importWardYear(db, sample);
  await createDemoUsersIfNone(db);
}

/**
 * The migrated template filled with the sample by the same code a test would run. Any source
 * file may take part in that (the import, the rules it checks, password hashing): all of src/
 * but the web app and the tests decides the content.
 */
export const sampleRecipe: TemplateRecipe = {
  name: 'sample',
  inputs: ['src', 'package-lock.json'],
  build: async () => {
    const client = await loadTemplate(await templateFile(migratedRecipe));
    const { db } = await openDatabase({ engine: 'pglite', client });
    await fillWithSample(db);
    return client;
  },
};

/**
 * A fresh test database holding the sample and the demo users. On PostgreSQL each database is
 * filled in turn; on PGlite it is loaded from the sample template.
 */
export async function createSampleTestDatabase(): Promise<Database> {
  if (process.env.TEST_DATABASE_URL) {
    const database = await createTestDatabase();
    await fillWithSample(database.db);
    return database;
  }
  const client = await loadTemplate(await templateFile(sampleRecipe));
  return openDatabase({ engine: 'pglite', client });
}
