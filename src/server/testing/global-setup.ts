import { migratedRecipe, templateFile } from '../../db/pglite-template';
import { migratedPostgresRecipe, postgresTemplate } from '../../db/postgres-template';
import { samplePostgresRecipe, sampleRecipe } from './sample-database';

/**
 * vitest global setup: make sure the migrated template and the sample template exist for the
 * current sources before any test file starts — PGlite template files, or with TEST_DATABASE_URL
 * template databases on that server — so no test file migrates a database or imports the sample
 * (they are rebuilt only when a file that decides them changes).
 */
export async function setup(): Promise<void> {
  const started = performance.now();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    await postgresTemplate(serverUrl, migratedPostgresRecipe);
    await postgresTemplate(serverUrl, samplePostgresRecipe);
  } else {
    await templateFile(migratedRecipe);
    await templateFile(sampleRecipe);
  }
  console.log(`test database templates ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
