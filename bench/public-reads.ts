/**
 * What the public reads, against a bare `node:http` server sending the same bytes: one sheet
 * (`GET /api/v1/sheets/:id`), a 部区's list (`GET /api/v1/sheets?fiscalYear=…&ward=…`) and the
 * wards list (`GET /api/v1/wards`, the home page's data), measured with wrk over a synthetic city
 * (bench/lib/synthetic-city.ts), on PGlite and — when TEST_DATABASE_URL is set, e.g. under
 * `scripts/with-postgres.sh` — on PostgreSQL. Rounds alternate bare, app, bare, app.
 *
 *   node --import tsx bench/public-reads.ts [--municipalities 3] [--duration 5] [--rounds 3]
 *   node --import tsx bench/public-reads.ts --database-url URL [--migration-url URL]
 *     (an already-loaded PostgreSQL database, e.g. the large city of bench/load-synthetic-city.ts)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client';
import { createPostgresTestDatabase } from '../src/db/testing';
import { getFreePort, getJson, httpGet, waitFor200 } from './lib/http';
import { host, root, serverBundle } from './lib/mokuhyo';
import { ChildServer, cleanUp, installCleanupHandlers, makeTempDir } from './lib/processes';
import { fmt, median, table } from './lib/report';
import { benchCity, loadSyntheticCity, municipalityName, wardName } from './lib/synthetic-city';
import { type WrkRun, wrk } from './lib/wrk';

const { values: args } = parseArgs({
  options: {
    municipalities: { type: 'string', default: String(benchCity.municipalities) },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '64' },
    engine: { type: 'string' },
    'database-url': { type: 'string' },
    'migration-url': { type: 'string' },
  },
});
const durationS = Number(args.duration);
const rounds = Number(args.rounds);
const connections = Number(args.connections);
const size = { ...benchCity, municipalities: Number(args.municipalities) };
const targets = { sheet: 0.6, wardList: 0.5, wards: 0.5 } as const;
type Target = keyof typeof targets;
const labels: Record<Target, string> = { sheet: 'one sheet', wardList: 'ward list', wards: 'wards list' };

installCleanupHandlers('public-reads');

interface Served {
  env: Record<string, string>;
  describe: string;
  done(): Promise<void>;
}

async function pgliteDatabase(): Promise<Served> {
  const dataDir = makeTempDir('mokuhyo-bench-reads-');
  const database = await openDatabase({ engine: 'pglite', dataDir });
  const started = performance.now();
  const counts = await loadSyntheticCity(database.db, size);
  await database.close();
  return {
    env: { MOKUHYO_DATA_DIR: dataDir, DATABASE_URL: '' },
    describe: `PGlite, ${counts.sheets} sheets loaded in ${fmt((performance.now() - started) / 1000, 1)} s`,
    done: async () => {},
  };
}

async function postgresDatabase(): Promise<Served> {
  if (args['database-url']) {
    const url = args['database-url'];
    return {
      env: { DATABASE_URL: url, DATABASE_MIGRATION_URL: args['migration-url'] ?? url },
      describe: 'PostgreSQL, the given database',
      done: async () => {},
    };
  }
  const created = await createPostgresTestDatabase(process.env.TEST_DATABASE_URL ?? '');
  const database = await openDatabase({ engine: 'postgres', url: created.appUrl, migrationUrl: created.url });
  const started = performance.now();
  const counts = await loadSyntheticCity(database.db, size);
  await database.close();
  return {
    env: { DATABASE_URL: created.appUrl, DATABASE_MIGRATION_URL: created.url },
    describe: `PostgreSQL, ${counts.sheets} sheets loaded in ${fmt((performance.now() - started) / 1000, 1)} s`,
    done: created.drop,
  };
}

async function startServer(name: string, script: string, env: Record<string, string>) {
  const port = await getFreePort();
  const server = new ChildServer({
    name,
    script,
    cwd: root,
    env: { ...env, PORT: String(port), HOST: host },
  });
  return { server, base: `http://${host}:${port}`, port };
}

/** The three public URLs of the served city: its first municipality's first 部区, oldest year. */
async function publicUrls(base: string): Promise<Record<Target, string>> {
  const fiscalYear = size.fiscalYears[0] ?? 2022;
  const wardList = `${base}/api/v1/sheets?fiscalYear=${fiscalYear}&ward=${encodeURIComponent(wardName(0))}&municipality=${encodeURIComponent(municipalityName(0))}`;
  const list = await getJson<{ sheets: { id: string }[] }>(wardList);
  const first = list.sheets[0];
  if (!first) throw new Error(`no published sheet in ${wardList}`);
  return { sheet: `${base}/api/v1/sheets/${first.id}`, wardList, wards: `${base}/api/v1/wards` };
}

interface Figures {
  bytes: number;
  app: WrkRun[];
  bare: WrkRun[];
}

async function measureTarget(app: ChildServer, url: string): Promise<Figures> {
  const reference = await httpGet(url, 60_000);
  if (reference.status !== 200) throw new Error(`${url} → ${reference.status}`);
  const bodyFile = join(makeTempDir('mokuhyo-bench-body-'), 'body');
  writeFileSync(bodyFile, reference.body);
  const bare = await startServer('bare server', 'bench/bare-server.ts', {
    BODY_FILE: bodyFile,
    CONTENT_TYPE: reference.contentType ?? 'application/json',
  });
  await bare.server.waitForLine(/^bare-server listening/, 10_000);
  const options = { connections, duration: durationS };
  const barePath = `${bare.base}/`;
  await wrk(barePath, bare.server, { ...options, duration: 1 });
  await wrk(url, app, { ...options, duration: 1 });
  const figures: Figures = { bytes: reference.body.length, app: [], bare: [] };
  for (let round = 0; round < rounds; round++) {
    figures.bare.push(await wrk(barePath, bare.server, options));
    figures.app.push(await wrk(url, app, options));
  }
  await bare.server.stop();
  const bad = [...figures.app, ...figures.bare].find((r) => r.non2xx > 0);
  if (bad) throw new Error(`${url}: ${bad.non2xx} answers outside 2xx/3xx`);
  return figures;
}

async function benchEngine(engine: 'pglite' | 'postgres') {
  const served = engine === 'pglite' ? await pgliteDatabase() : await postgresDatabase();
  console.log(`\n${served.describe}`);
  const app = await startServer('mokuhyo server', serverBundle, {
    ...served.env,
    MOKUHYO_SAMPLE_DATA: 'off',
  });
  await waitFor200(`${app.base}/api/health`, { deadlineMs: 120_000, signal: app.server.exitSignal });
  const urls = await publicUrls(app.base);
  const rows: string[][] = [];
  for (const target of Object.keys(targets) as Target[]) {
    const f = await measureTarget(app.server, urls[target]);
    const appRps = median(f.app.map((r) => r.reqPerSec));
    const bareRps = median(f.bare.map((r) => r.reqPerSec));
    const ratio = appRps / bareRps;
    rows.push([
      labels[target],
      fmt(f.bytes),
      fmt(appRps),
      fmt(bareRps),
      `${fmt(ratio, 3)} ${ratio >= targets[target] ? '✓' : '✗'} (≥ ${targets[target]})`,
      fmt(median(f.app.map((r) => r.latencyMs.p99)), 2),
      fmt(median(f.bare.map((r) => r.latencyMs.p99)), 2),
      fmt(median(f.app.map((r) => r.serverCpuUsPerRequest))),
      fmt(median(f.bare.map((r) => r.serverCpuUsPerRequest))),
      fmt(f.app.reduce((n, r) => n + r.errors, 0) + f.bare.reduce((n, r) => n + r.errors, 0)),
    ]);
  }
  await app.server.stop();
  await served.done();
  console.log(
    `${engine}: wrk, ${connections} connections, ${rounds} alternating rounds of ${durationS} s, medians`,
  );
  console.log(
    table(
      [
        'read',
        'bytes',
        'app req/s',
        'bare req/s',
        'app / bare',
        'app p99 ms',
        'bare p99 ms',
        'app µs/req',
        'bare µs/req',
        'socket errors',
      ],
      rows,
      [0],
    ),
  );
}

const engines: ('pglite' | 'postgres')[] = args.engine
  ? [args.engine === 'postgres' ? 'postgres' : 'pglite']
  : args['database-url'] || process.env.TEST_DATABASE_URL
    ? ['pglite', 'postgres']
    : ['pglite'];
try {
  for (const engine of engines) await benchEngine(engine);
} finally {
  await cleanUp();
}
