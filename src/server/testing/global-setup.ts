import { migratedRecipe, templateFile } from '../../db/pglite-template';
import { sampleRecipe } from './sample-database';

/**
 * vitest global setup: on PGlite, make sure the migrated template and the sample template exist
 * for the current sources before any test file starts, so no test file creates or migrates a
 * PGlite or imports the sample (they are rebuilt only when a file that decides them changes).
 */
export async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const started = performance.now();
  await templateFile(migratedRecipe);
  await templateFile(sampleRecipe);
  console.log(`test database templates ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
