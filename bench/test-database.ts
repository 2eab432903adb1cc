/**
 * What a test database costs on PGlite: creating and migrating one (what every test file paid
 * before the saved templates), the migrator on an already-migrated database (every open runs
 * it), loading the saved templates, and filling a database with the sample instead of loading
 * the sample template. Run alone: `node --import tsx bench/test-database.ts`.
 */
import { loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/db/client';
import { loadTemplate, migratedRecipe, templateFile } from '../src/db/pglite-template';
import { createDemoUsersIfNone } from '../src/db/seed/demo-users';
import { loadSampleIfEmpty } from '../src/db/seed/load-sample';
import { sampleRecipe } from '../src/server/testing/sample-database';
import { fmt, median, table } from './lib/report';

const runs = 3;

async function time(work: () => Promise<unknown>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    ms.push(performance.now() - start);
  }
  return ms;
}

async function main() {
  const rows: [string, number[]][] = [];
  rows.push([
    'create and migrate a PGlite',
    await time(async () => {
      const client = await PGlite.create();
      await openDatabase({ engine: 'pglite', client });
      await client.close();
    }),
  ]);
  const migrated = await templateFile(migratedRecipe);
  const sampleFile = await templateFile(sampleRecipe);
  const client = await loadTemplate(migrated);
  rows.push([
    'migrator on a migrated database',
    await time(() => openDatabase({ engine: 'pglite', client })),
  ]);
  await client.close();
  rows.push([
    'load the migrated template (+ migrator)',
    await time(async () => {
      const database = await openDatabase({ engine: 'pglite', client: await loadTemplate(migrated) });
      await database.close();
    }),
  ]);
  rows.push([
    'same, then import the sample and demo users',
    await time(async () => {
      const database = await openDatabase({ engine: 'pglite', client: await loadTemplate(migrated) });
      await loadSampleIfEmpty(database.db);
      await createDemoUsersIfNone(database.db);
      await database.close();
    }),
  ]);
  rows.push([
    'load the sample template (+ migrator)',
    await time(async () => {
      const database = await openDatabase({ engine: 'pglite', client: await loadTemplate(sampleFile) });
      await database.close();
    }),
  ]);
  console.log(`test databases on PGlite, ms (median of ${runs}; load average ${loadAverage()})`);
  console.log(
    table(
      ['step', 'median', 'min', 'max'],
      rows.map(([step, ms]) => [step, fmt(median(ms)), fmt(Math.min(...ms)), fmt(Math.max(...ms))]),
    ),
  );
}

function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
}

await main();
