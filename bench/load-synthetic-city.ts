/**
 * Fill a PostgreSQL database (or a PGlite data directory) with a synthetic city
 * (bench/lib/synthetic-city.ts). The database must hold no synthetic city yet. On PostgreSQL,
 * run ANALYZE afterwards as the tables' owner so the planner knows the sizes.
 *
 *   node --import tsx bench/load-synthetic-city.ts --database-url URL [--migration-url URL] [--municipalities 663]
 *   node --import tsx bench/load-synthetic-city.ts --data-dir DIR [--municipalities 3]
 *   … --sample-texts   (the sample's own texts instead of short generated ones: for bench/search.ts)
 */
import { parseArgs } from 'node:util';
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
  },
});
const url = args['database-url'];
const dataDir = args['data-dir'];
if (!url && !dataDir) throw new Error('--database-url or --data-dir is required');
const database = url
  ? await openDatabase({ engine: 'postgres', url, migrationUrl: args['migration-url'] ?? url })
  : await openDatabase({ engine: 'pglite', dataDir: dataDir ?? '' });
const started = performance.now();
const counts = await loadSyntheticCity(
  database.db,
  { ...largeCity, municipalities: Number(args.municipalities), sampleTexts: args['sample-texts'] },
  (done, total) => {
    if (done % 25 === 0 || done === total) {
      console.log(`${done}/${total} municipalities, ${fmt((performance.now() - started) / 1000, 1)} s`);
    }
  },
);
await database.close();
console.log(
  `loaded ${fmt(counts.municipalities)} municipalities, ${fmt(counts.organizations)} organizations, ` +
    `${fmt(counts.sheets)} sheets, ${fmt(counts.indicatorValues)} indicator-year values ` +
    `in ${fmt((performance.now() - started) / 1000, 1)} s`,
);
