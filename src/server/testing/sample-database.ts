import { type Database, type Db, openDatabase } from '../../db/client';
import { sampleInputs } from '../../db/content-key';
import { loadTemplate, migratedRecipe, type TemplateRecipe, templateFile } from '../../db/pglite-template';
import type { PostgresTemplateRecipe } from '../../db/postgres-template';
import { createDemoUsersIfNone } from '../../db/seed/demo-users';
import { loadSampleIfEmpty } from '../../db/seed/load-sample';
import { createPostgresDatabase } from '../../db/testing';
import { testPasswordCost } from './password-cost';

/** Fill a fresh database with the Niigata Kita sample and its demo users (at the tests' password cost). */
async function fillWithSample(db: Db): Promise<void> {
  await loadSampleIfEmpty(db);
  await createDemoUsersIfNone(db, testPasswordCost);
}

/** The migrated template filled with the sample by the same code a test would run. */
export const sampleRecipe: TemplateRecipe = {
  name: 'sample',
  inputs: sampleInputs,
  build: async () => {
    const client = await loadTemplate(await templateFile(migratedRecipe));
    const { db } = await openDatabase({ engine: 'pglite', client });
    await fillWithSample(db);
    return client;
  },
};

/** The same on PostgreSQL: a template database migrated and filled once, copied per test. */
export const samplePostgresRecipe: PostgresTemplateRecipe = {
  name: 'sample',
  inputs: sampleRecipe.inputs,
  fill: fillWithSample,
};

/**
 * A fresh test database holding the sample and the demo users: on PostgreSQL a copy of the
 * sample template database, on PGlite the sample template file loaded.
 */
export async function createSampleTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) return createPostgresDatabase(serverUrl, samplePostgresRecipe);
  const client = await loadTemplate(await templateFile(sampleRecipe));
  return openDatabase({ engine: 'pglite', client });
}
