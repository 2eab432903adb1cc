/**
 * 検索: `GET /api/v1/search` as the public asks it, over a city's ten years (1,520 sheets with
 * the sample's own texts) — against the same statements sent to the database alone, in the same
 * process, rounds alternating. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set (e.g.
 * under `scripts/with-postgres.sh`); or over an already-loaded database (the large city).
 *
 *   node --import tsx bench/search.ts [--rounds 5] [--per-round 10]
 *   scripts/with-postgres.sh node --import tsx bench/search.ts
 *   node --import tsx bench/search.ts --database-url URL [--migration-url URL]   (no load)
 *   … --municipality 合成市0001   (the words within one municipality, as its own pages ask)
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase } from '../src/db/client';
import { createPostgresTestDatabase, createTestDatabase } from '../src/db/testing';
import { searchAnswerSchema } from '../src/schemas/search';
import { createApp } from '../src/server/app';
import { findMatches } from '../src/server/features/search/search-sheets';
import { quantile, timed } from './lib/probe';
import { fmt, median, table } from './lib/report';
import { type CitySize, loadSyntheticCity } from './lib/synthetic-city';

const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'per-round': { type: 'string', default: '10' },
    'database-url': { type: 'string' },
    'migration-url': { type: 'string' },
    municipality: { type: 'string' },
  },
});
const municipality = args.municipality;
const rounds = Number(args.rounds);
const perRound = Number(args['per-round']);

/** One municipality, 8 部区 of 18 課 each, ten years: 1,520 sheets, 6 indicators on 3 goals each. */
const tenYears: CitySize = {
  municipalities: 1,
  wardsPerMunicipality: 8,
  unitsPerWard: 18,
  fiscalYears: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
  indicatorsPerOrganization: 6,
  goalsPerSheet: 3,
  sampleTexts: true,
};

/** What people look for: two-character and longer words, katakana, full-width letters, two words, a common word. */
const queries = [
  '防災',
  '避難所',
  'ワークライフバランス',
  'ＩＣＴ',
  '地域 協働',
  '市民',
  '定時退庁推進日実施率',
];

async function openBenchDatabase(): Promise<{ database: Database; describe: string; drop(): Promise<void> }> {
  const url = args['database-url'];
  if (url) {
    const database = await openDatabase({
      engine: 'postgres',
      url,
      migrationUrl: args['migration-url'] ?? url,
    });
    return { database, describe: 'PostgreSQL (loaded beforehand)', drop: async () => {} };
  }
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const made = await createPostgresTestDatabase(server);
    const database = await openDatabase({ engine: 'postgres', url: made.appUrl, migrationUrl: made.url });
    await load(database);
    return { database, describe: 'PostgreSQL, 1,520 sheets', drop: made.drop };
  }
  const database = await createTestDatabase();
  await load(database);
  return { database, describe: 'PGlite, 1,520 sheets', drop: async () => {} };
}

async function load(database: Database): Promise<void> {
  const { ms, value } = await timed(() => loadSyntheticCity(database.db, tenYears));
  console.log(
    `loaded ${fmt(value.sheets)} sheets in ${fmt(ms / 1000, 1)} s (the search indexes written with them)`,
  );
  if (database.engine === 'postgres') await database.db.execute(sql`analyze`);
}

async function main() {
  const { database, describe, drop } = await openBenchDatabase();
  const { app, dispose } = await createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const viaApi = async (q: string) => {
    const params = new URLSearchParams({ q, ...(municipality ? { municipality } : {}) });
    const res = await fetch(`${base}/api/v1/search?${params}`);
    if (res.status !== 200) throw new Error(`${q}: ${res.status} ${await res.text()}`);
    return searchAnswerSchema.parse(await res.json()).total;
  };
  const viaDb = async (q: string) => (await findMatches(database.db, null, { q, municipality })).total;

  // Warm both ways, and check they agree on what they find.
  const totals = new Map<string, number>();
  for (const q of queries) {
    const found = await viaApi(q);
    const rows = await viaDb(q);
    if (rows !== found) throw new Error(`${q}: the API found ${found}, the database ${rows}`);
    totals.set(q, found);
  }

  const times = { api: new Map<string, number[]>(), db: new Map<string, number[]>() };
  for (let round = 0; round < rounds; round++) {
    for (const [way, run] of [
      ['db', viaDb],
      ['api', viaApi],
    ] as const) {
      for (const q of queries) {
        for (let i = 0; i < perRound; i++) {
          const { ms } = await timed(() => run(q));
          const list = times[way].get(q) ?? [];
          list.push(ms);
          times[way].set(q, list);
        }
      }
    }
  }
  server.close();
  await dispose();
  await database.close();
  await drop();

  const rows = queries.map((q) => {
    const api = times.api.get(q) ?? [];
    const db = times.db.get(q) ?? [];
    return [
      q,
      fmt(totals.get(q) ?? 0),
      fmt(median(db), 1),
      fmt(quantile(db, 0.95), 1),
      fmt(median(api), 1),
      fmt(quantile(api, 0.95), 1),
      fmt(median(api) / median(db), 2),
    ];
  });
  const allApi = [...times.api.values()].flat();
  const allDb = [...times.db.values()].flat();
  rows.push([
    'all',
    '',
    fmt(median(allDb), 1),
    fmt(quantile(allDb, 0.95), 1),
    fmt(median(allApi), 1),
    fmt(quantile(allApi, 0.95), 1),
    fmt(median(allApi) / median(allDb), 2),
  ]);
  console.log(
    `\n検索 on ${describe}: ${rounds} alternating rounds × ${perRound} requests per word, public` +
      (municipality ? `, within ${municipality}` : ''),
  );
  console.log(
    table(
      ['words', 'matches', 'db p50 ms', 'db p95 ms', 'API p50 ms', 'API p95 ms', 'API/db p50'],
      rows,
      [0],
    ),
  );
  const p95 = quantile(allApi, 0.95);
  console.log(`\nAPI p95 over every word: ${fmt(p95, 1)} ms (target ≤ 50 ms) ${p95 <= 50 ? '✓' : '✗'}`);
}

await main();
