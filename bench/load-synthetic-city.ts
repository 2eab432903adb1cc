/**
 * Fill a PostgreSQL database (or a PGlite data directory) with a synthetic city
 * (bench/lib/synthetic-city.ts). The database must hold no synthetic city yet. On PostgreSQL,
 * run ANALYZE afterwards as the tables' owner so the planner knows the sizes.
 *
 *   node --import tsx bench/load-synthetic-city.ts --database-url URL [--migration-url URL] [--municipalities 663]
 *   node --import tsx bench/load-synthetic-city.ts --data-dir DIR [--municipalities 3]
 *   … --sample-texts   (the sample's own texts instead of short generated ones: for bench/search.ts)
 *
 * On PostgreSQL the search's n-gram indexes (migration 0014) are set aside while the rows go in
 * and built again afterwards from their own definitions (`pg_get_indexdef`, over the owner's
 * connection, `--migration-url`), two at a time: one GIN build per column is many times cheaper
 * than keeping eight GIN indexes up to date row by row (they are made without a pending list),
 * and two municipalities are written at once (`--concurrency`). `--keep-indexes` loads with them
 * in place, as before. The indexes are built again whatever happens to the load.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../src/db/client';
import { fmt } from './lib/report';
import { largeCity, loadSyntheticCity } from './lib/synthetic-city';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    'migration-url': { type: 'string' },
    'data-dir': { type: 'string' },
    municipalities: { type: 'string', default: String(largeCity.municipalities) },
    'sample-texts': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '2' },
    'keep-indexes': { type: 'boolean', default: false },
  },
});
const url = args['database-url'];
const dataDir = args['data-dir'];
if (!url && !dataDir) throw new Error('--database-url or --data-dir is required');
const database = url
  ? await openDatabase({ engine: 'postgres', url, migrationUrl: args['migration-url'] ?? url })
  : await openDatabase({ engine: 'pglite', dataDir: dataDir ?? '' });
const started = performance.now();
const seconds = (since: number) => fmt((performance.now() - since) / 1000, 1);

/** The search's indexes, as their definitions; dropped until `rebuild`. */
async function setSearchIndexesAside(ownerUrl: string) {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  const { rows } = await owner.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND pg_get_indexdef(i.indexrelid) LIKE '%mokuhyo_search_grams(%'
     ORDER BY pg_relation_size(i.indrelid) DESC`,
  );
  for (const index of rows) await owner.query(`DROP INDEX ${pg.escapeIdentifier(index.name)}`);
  await owner.end();
  return async function rebuild() {
    const since = performance.now();
    const queue = [...rows];
    // Two builds at once, each on a connection of its own: the work is the n-grams of every text.
    await Promise.all(
      [0, 1].map(async () => {
        const client = new pg.Client({ connectionString: ownerUrl });
        await client.connect();
        await client.query(`SET maintenance_work_mem = '256MB'`);
        for (let index = queue.shift(); index; index = queue.shift()) await client.query(index.definition);
        await client.end();
      }),
    );
    console.log(`built ${rows.length} search indexes again in ${seconds(since)} s`);
  };
}

const rebuild =
  url && !args['keep-indexes'] ? await setSearchIndexesAside(args['migration-url'] ?? url) : undefined;
let counts: Awaited<ReturnType<typeof loadSyntheticCity>>;
try {
  counts = await loadSyntheticCity(
    database.db,
    { ...largeCity, municipalities: Number(args.municipalities), sampleTexts: args['sample-texts'] },
    (done, total) => {
      if (done % 25 === 0 || done === total) {
        console.log(`${done}/${total} municipalities, ${seconds(started)} s`);
      }
    },
    url ? Number(args.concurrency) : 1,
  );
} finally {
  await rebuild?.();
  await database.close();
}
console.log(
  `loaded ${fmt(counts.municipalities)} municipalities, ${fmt(counts.organizations)} organizations, ` +
    `${fmt(counts.sheets)} sheets, ${fmt(counts.indicatorValues)} indicator-year values ` +
    `in ${seconds(started)} s`,
);
