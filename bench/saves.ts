/**
 * Saves bench (issue 11, "200 editors each saving their own sheet" and "one save of a
 * 4-indicator sheet"): N signed-in editors, each with its own sheet, save one changed value again
 * and again through `PUT /api/v1/sheets/:id` of the real server (a child process), on the
 * embedded PGlite and — under scripts/with-postgres.sh — on PostgreSQL:
 *   paced: each editor saves every `--interval` s (latency p50/p99, from the scheduled moment);
 *   saturated: every editor saves again as soon as answered (saves/s).
 * Baseline in the same run, rounds alternating: the very statements of one save request,
 * recorded through the app's statement log, sent straight to the database (no HTTP, no app code).
 *   node --import tsx bench/saves.ts [--editors 200 --interval 5 --paced 20 --saturated 10 --rounds 2]
 *   scripts/with-postgres.sh node --import tsx bench/saves.ts
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../src/db/client';
import { sheets } from '../src/db/schema';
import { type LoggedStatement, recordStatements } from '../src/db/statement-log';
import { sheetViewSchema } from '../src/schemas/sheet-edit';
import { createApp } from '../src/server/app';
import { createEditors, type Editor, EditorSession, saveBody, signInEditor } from './lib/editors';
import { getFreePort, waitFor200 } from './lib/http';
import { host, root, serverBundle } from './lib/mokuhyo';
import { quantile } from './lib/probe';
import { ChildServer, cleanUp, installCleanupHandlers, makeTempDir } from './lib/processes';
import { fmt, median, table } from './lib/report';
import { pgliteReplayer, postgresReplayer, type Replayer } from './lib/save-baseline';

const { values: args } = parseArgs({
  options: {
    editors: { type: 'string', default: '200' },
    interval: { type: 'string', default: '5' },
    paced: { type: 'string', default: '20' },
    saturated: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    engines: { type: 'string', default: process.env.TEST_DATABASE_URL ? 'pglite,postgres' : 'pglite' },
  },
});
const editorCount = Number(args.editors);
const intervalMs = Number(args.interval) * 1000;
const pacedMs = Number(args.paced) * 1000;
const saturatedMs = Number(args.saturated) * 1000;
const rounds = Number(args.rounds);

interface Run {
  saves: number;
  errors: number;
  savesPerS: number;
  p50: number;
  p99: number;
  max: number;
  /** Server CPU per save (app runs only), ms. */
  cpuMsPerSave?: number;
}

function summary(latencies: number[], errors: number, ms: number): Run {
  return {
    saves: latencies.length,
    errors,
    savesPerS: (latencies.length * 1000) / ms,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: quantile(latencies, 1),
  };
}

/** Each of n editors saves every interval, starting spread over the first interval; latency from the scheduled moment. */
async function paced(save: (i: number) => Promise<boolean>): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now() + 50;
  await Promise.all(
    Array.from({ length: editorCount }, async (_, i) => {
      for (let at = start + (i * intervalMs) / editorCount; at < start + pacedMs; at += intervalMs) {
        const wait = at - performance.now();
        if (wait > 0) await sleep(wait);
        if (!(await save(i))) errors++;
        latencies.push(performance.now() - at);
      }
    }),
  );
  return summary(latencies, errors, pacedMs);
}

/** Every editor saves again as soon as it is answered, for the duration. */
async function saturated(save: (i: number) => Promise<boolean>, ms = saturatedMs): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: editorCount }, async (_, i) => {
      while (performance.now() - start < ms) {
        const sent = performance.now();
        if (!(await save(i))) errors++;
        latencies.push(performance.now() - sent);
      }
    }),
  );
  return summary(latencies, errors, performance.now() - start);
}

interface Prepared {
  split: SaveSplit;
  serverEnv: Record<string, string>;
  replayer: Replayer;
  editors: Editor[];
  statementsPerSave: number;
  firstSave: LoggedStatement[];
}

/** Where one save's time goes, measured on the recorded saves (one at a time, in this process). */
interface SaveSplit {
  /** Wall time of the PUT through the in-process app, median, ms. */
  requestMs: number;
  /** Of which inside PGlite's synchronous WASM call (`execProtocolRawSync`), median, ms. */
  databaseMs?: number;
}

/** Time spent in PGlite's synchronous protocol call (the WASM PostgreSQL), accumulated. */
function timePglite(client: PGlite): { elapsedMs: () => number } {
  let total = 0;
  const original = client.execProtocolRawSync.bind(client);
  client.execProtocolRawSync = (message: Uint8Array) => {
    const start = performance.now();
    try {
      return original(message);
    } finally {
      total += performance.now() - start;
    }
  };
  return { elapsedMs: () => total };
}

/** Sheets and editors in a fresh database; one save per editor through the app in this process, recorded. */
async function prepare(
  database: Database,
  pgliteTime?: () => number,
): Promise<{ editors: Editor[]; saves: LoggedStatement[][]; split: SaveSplit }> {
  const loginIds = await createEditors(database.db, editorCount);
  const { app, dispose } = await createApp({ database });
  const fetchApp = async (path: string, init?: RequestInit) => app.request(`http://${host}${path}`, init);
  const editors: Editor[] = [];
  const saves: LoggedStatement[][] = [];
  const requestMs: number[] = [];
  const databaseMs: number[] = [];
  for (const [i, loginId] of loginIds.entries()) {
    const editor = await signInEditor(fetchApp, loginId, i);
    const view = sheetViewSchema.parse(
      await (await fetchApp(`/api/v1/sheets/${editor.sheetId}`, { headers: editor.headers })).json(),
    );
    const [startedAt, databaseBefore] = [performance.now(), pgliteTime?.() ?? 0];
    const { result, statements } = await recordStatements(() =>
      fetchApp(`/api/v1/sheets/${editor.sheetId}`, {
        method: 'PUT',
        headers: { ...editor.headers, 'content-type': 'application/json' },
        body: saveBody(view, 0),
      }),
    );
    if (result.status !== 200) throw new Error(`recorded save: ${result.status} ${await result.text()}`);
    await result.arrayBuffer();
    requestMs.push(performance.now() - startedAt);
    databaseMs.push((pgliteTime?.() ?? 0) - databaseBefore);
    // Back to the version the recorded save started from, so its statements replay as recorded.
    await database.db.update(sheets).set({ version: view.version }).where(eq(sheets.id, editor.sheetId));
    editors.push(editor);
    saves.push(statements);
  }
  await dispose();
  const split = {
    requestMs: median(requestMs),
    ...(pgliteTime ? { databaseMs: median(databaseMs) } : {}),
  };
  return { editors, saves, split };
}

async function preparePglite(): Promise<Prepared> {
  const dataDir = makeTempDir('mokuhyo-saves-');
  // Opened here (not by openDatabase) to time PGlite's own work; the bench holds the directory alone.
  const client = await PGlite.create({ dataDir });
  const database = await openDatabase({ engine: 'pglite', client });
  const { editors, saves, split } = await prepare(database, timePglite(client).elapsedMs);
  await database.close();
  const copy = makeTempDir('mokuhyo-saves-baseline-');
  cpSync(dataDir, copy, { recursive: true });
  return {
    serverEnv: { MOKUHYO_DATA_DIR: dataDir, DATABASE_URL: '' },
    split,
    replayer: await pgliteReplayer(copy, saves),
    editors,
    statementsPerSave: median(saves.map((s) => s.length)),
    firstSave: saves[0] ?? [],
  };
}

async function preparePostgres(): Promise<Prepared> {
  const ownerServer = process.env.TEST_DATABASE_URL;
  const appServer = process.env.TEST_DATABASE_APP_URL ?? ownerServer;
  if (!ownerServer || !appServer) throw new Error('PostgreSQL: run under scripts/with-postgres.sh');
  const name = `mokuhyo_bench_saves_${process.pid}`;
  const admin = new pg.Client({ connectionString: ownerServer });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const withDb = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const [ownerUrl, appUrl] = [withDb(ownerServer), withDb(appServer)];
  const database = await openDatabase({ engine: 'postgres', url: appUrl, migrationUrl: ownerUrl });
  const { editors, saves, split } = await prepare(database);
  await database.close();
  return {
    split,
    serverEnv: { DATABASE_URL: appUrl, DATABASE_MIGRATION_URL: ownerUrl },
    replayer: postgresReplayer(appUrl, saves),
    editors,
    statementsPerSave: median(saves.map((s) => s.length)),
    firstSave: saves[0] ?? [],
  };
}

async function benchEngine(engine: 'pglite' | 'postgres') {
  console.log(`\n== ${engine}: ${editorCount} editors, preparing…`);
  const prepared = engine === 'pglite' ? await preparePglite() : await preparePostgres();
  console.log(`statements of one save request: ${prepared.statementsPerSave}`);
  const { requestMs, databaseMs } = prepared.split;
  console.log(
    `one save at a time, in process: ${fmt(requestMs, 1)} ms` +
      (databaseMs === undefined
        ? ''
        : `, of which PGlite ${fmt(databaseMs, 1)} ms (${fmt((100 * databaseMs) / requestMs)} %), JavaScript ${fmt(requestMs - databaseMs, 1)} ms`),
  );
  for (const s of prepared.firstSave) console.log(`  ${s.sql.replace(/\s+/g, ' ').slice(0, 110)}`);
  const port = await getFreePort();
  const server = new ChildServer({
    name: `mokuhyo server (${engine})`,
    script: serverBundle,
    cwd: root,
    env: { PORT: String(port), HOST: host, MOKUHYO_SAMPLE_DATA: 'off', ...prepared.serverEnv },
  });
  const base = `http://${host}:${port}`;
  await waitFor200(`${base}/api/health`, { deadlineMs: 120_000, signal: server.exitSignal });
  const sessions = prepared.editors.map((editor) => new EditorSession(editor, base));
  for (let i = 0; i < sessions.length; i += 10)
    await Promise.all(sessions.slice(i, i + 10).map((s) => s.load()));
  const appSave = async (i: number) => (await (sessions[i] as EditorSession).save()) === 200;
  const baseSave = async (i: number) => {
    await prepared.replayer.replay(i);
    return true;
  };
  const withCpu = async (run: () => Promise<Run>): Promise<Run> => {
    const before = server.cpuMs();
    const result = await run();
    return { ...result, cpuMsPerSave: (server.cpuMs() - before) / Math.max(1, result.saves) };
  };
  await saturated(appSave, 3000); // warm-up
  await saturated(baseSave, 2000);
  const runs = { appPaced: [] as Run[], basePaced: [] as Run[], appSat: [] as Run[], baseSat: [] as Run[] };
  for (let round = 1; round <= rounds; round++) {
    runs.basePaced.push(await paced(baseSave));
    runs.appPaced.push(await withCpu(() => paced(appSave)));
    runs.baseSat.push(await saturated(baseSave));
    runs.appSat.push(await withCpu(() => saturated(appSave)));
    console.log(
      `round ${round}: paced p99 app ${fmt(runs.appPaced.at(-1)?.p99 ?? 0)} ms / db ${fmt(runs.basePaced.at(-1)?.p99 ?? 0, 1)} ms; saturated app ${fmt(runs.appSat.at(-1)?.savesPerS ?? 0)} / db ${fmt(runs.baseSat.at(-1)?.savesPerS ?? 0)} saves/s`,
    );
  }
  for (const s of sessions) s.close();
  await server.stop();
  await prepared.replayer.close();
  const med = (list: Run[], pick: (r: Run) => number) => median(list.map(pick));
  return {
    engine,
    split: prepared.split,
    statementsPerSave: prepared.statementsPerSave,
    paced: {
      app: {
        p50: med(runs.appPaced, (r) => r.p50),
        p99: med(runs.appPaced, (r) => r.p99),
        max: med(runs.appPaced, (r) => r.max),
      },
      db: {
        p50: med(runs.basePaced, (r) => r.p50),
        p99: med(runs.basePaced, (r) => r.p99),
        max: med(runs.basePaced, (r) => r.max),
      },
      errors: runs.appPaced.reduce((n, r) => n + r.errors, 0),
      cpuMsPerSave: med(runs.appPaced, (r) => r.cpuMsPerSave ?? Number.NaN),
    },
    saturated: {
      app: med(runs.appSat, (r) => r.savesPerS),
      db: med(runs.baseSat, (r) => r.savesPerS),
      appP50: med(runs.appSat, (r) => r.p50),
      errors: runs.appSat.reduce((n, r) => n + r.errors, 0),
      cpuMsPerSave: med(runs.appSat, (r) => r.cpuMsPerSave ?? Number.NaN),
    },
  };
}

async function main() {
  installCleanupHandlers('saves bench');
  const results = [];
  for (const engine of (args.engines ?? 'pglite').split(',') as ('pglite' | 'postgres')[]) {
    results.push(await benchEngine(engine));
  }
  console.log(
    `\n${editorCount} editors; paced: one save every ${intervalMs / 1000} s each, ${rounds} × ${pacedMs / 1000} s; saturated ${rounds} × ${saturatedMs / 1000} s; medians of the rounds`,
  );
  console.log(
    table(
      [
        'engine',
        'stmts/save',
        'paced p50 app',
        'p99 app',
        'p99 db',
        'p99 app/db',
        'sat. saves/s app',
        'db',
        'app/db',
        'sat. p50 ms',
        'CPU ms/save',
        'errors',
      ],
      results.map((r) => [
        r.engine,
        fmt(r.statementsPerSave),
        fmt(r.paced.app.p50, 1),
        fmt(r.paced.app.p99, 1),
        fmt(r.paced.db.p99, 1),
        fmt(r.paced.app.p99 / r.paced.db.p99, 1),
        fmt(r.saturated.app),
        fmt(r.saturated.db),
        fmt(r.saturated.app / r.saturated.db, 2),
        fmt(r.saturated.appP50),
        fmt(r.saturated.cpuMsPerSave, 2),
        String(r.paced.errors + r.saturated.errors),
      ]),
    ),
  );
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'saves.json'),
    `${JSON.stringify({ editorCount, intervalMs, pacedMs, saturatedMs, rounds, results }, null, 2)}\n`,
  );
  const failed = results.some((r) => r.paced.errors + r.saturated.errors > 0);
  await cleanUp();
  process.exit(failed ? 1 : 0);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
