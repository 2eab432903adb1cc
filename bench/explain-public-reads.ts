/**
 * The plans of the wards list and of finding a 部区 by name, before (the statements and indexes
 * of main before issue 11) and after, on a loaded PostgreSQL database — e.g. the large synthetic
 * city of bench/load-synthetic-city.ts. "Before" runs in a transaction that drops the new index
 * and is rolled back.
 *
 *   node --import tsx bench/explain-public-reads.ts --database-url URL (the tables' owner)
 */
import { parseArgs } from 'node:util';
import { type SQL, sql } from 'drizzle-orm';
import { query } from '../src/db/backup/catalog';
import { openDatabase, type Tx } from '../src/db/client';
import { wardYearsQuery } from '../src/server/features/organizations/list-wards';
import { municipalityName, wardName } from './lib/synthetic-city';

const { values: args } = parseArgs({ options: { 'database-url': { type: 'string' } } });
const url = args['database-url'];
if (!url) throw new Error('--database-url is required');
const database = await openDatabase({ engine: 'postgres', url, as: 'owner' });

/** The wards list as main read it: every ward joined to every sheet, DISTINCT, sorted. */
const wardsBefore = sql`select distinct o.id, o.name, m.name as municipality, s.fiscal_year
  from organizations o join municipalities m on o.municipality_id = m.id
  left join sheets s on s.ward_id = o.id
  where o.kind = 'ward' order by m.name, o.name`;
const findWard = sql`select o.id, o.name, m.id, m.name from organizations o
  join municipalities m on o.municipality_id = m.id
  where o.kind = 'ward' and o.name = ${wardName(0)} and m.name = ${municipalityName(0)}`;

async function explain(db: Tx, title: string, statement: SQL) {
  const rows = await query<{ 'QUERY PLAN': string }>(
    db,
    sql`explain (analyze, buffers, costs off) ${statement}`,
  );
  console.log(`\n## ${title}\n`);
  for (const row of rows) console.log(row['QUERY PLAN']);
}

class Rollback extends Error {}
await database.db
  .transaction(async (tx) => {
    await tx.execute(sql`drop index organizations_kind_name`);
    await explain(tx, 'before: wards list (DISTINCT over every sheet)', wardsBefore);
    await explain(tx, 'before: a 部区 by name and municipality', findWard);
    throw new Rollback();
  })
  .catch((error) => {
    if (!(error instanceof Rollback)) throw error;
  });
await database.db.transaction(async (tx) => {
  await explain(tx, 'after: wards list (skip scan of sheets_ward_year per 部区)', wardYearsQuery());
  await explain(tx, 'after: a 部区 by name and municipality', findWard);
});
await database.close();
