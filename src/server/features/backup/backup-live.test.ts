import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../../db/client';
import { currentBootId } from '../../../db/process-identity';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from '../../../db/testing';
import { signedInHttpClient } from '../../testing/http-client';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { saveLoop, untilSaves } from '../../testing/save-loop';
import {
  backupRowsFingerprint,
  sheetsOutOfStepWithHistory,
  tableRowsFingerprint,
} from '../../testing/table-rows';
import { formatBytes } from './format-backup-summary';

/**
 * The real server and the real `mokuhyo` command, each in its own process: embedded (a data
 * directory in a temp folder, the backup asked of the running server) or, with
 * TEST_DATABASE_URL, PostgreSQL (the command reads in one read-only transaction).
 */
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(repoRoot, 'bin/mokuhyo.mjs');
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const engine = onPostgres ? 'PostgreSQL' : 'PGlite';

let work: string;
let dataDir: string;
let source: TestDatabase | undefined;
let server: ChildProcess;
let baseUrl: string;
let serverLog = '';
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function mokuhyo(env: Record<string, string>, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string; ms: number }>((resolve) => {
    const started = performance.now();
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: work, env: { ...process.env, NODE_OPTIONS: '', ...env }, timeout: 300_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? Number(error.code ?? 1) : 0,
          stdout,
          stderr,
          ms: performance.now() - started,
        }),
    );
  });
}

const sourceEnv = (): Record<string, string> =>
  source?.url ? { DATABASE_URL: source.url } : { DATABASE_URL: '', MOKUHYO_DATA_DIR: dataDir };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mokuhyo-backup-live-'));
  dataDir = join(work, 'data');
  if (onPostgres) source = await createTestDatabase();
  else {
    // A lock left by a crash whose PID now belongs to an unrelated process (started later).
    const unrelated = spawn('sleep', ['600'], { stdio: 'ignore' });
    children.push(unrelated);
    await import('node:fs/promises').then((fs) => fs.mkdir(dataDir, { recursive: true }));
    await writeFile(
      join(dataDir, 'mokuhyo.lock'),
      JSON.stringify({
        pid: unrelated.pid,
        startTime: 'proc:1',
        bootId: currentBootId(),
        hostname: hostname(),
      }),
    );
  }
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_OPTIONS: '', PORT: String(port), HOST: '127.0.0.1', ...sourceEnv() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    serverLog += chunk.toString();
  });
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${serverLog}`);
    if (performance.now() - started > 240_000) throw new Error(`the server did not start:\n${serverLog}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  if (!onPostgres) {
    const lock = JSON.parse(await readFile(join(dataDir, 'mokuhyo.lock'), 'utf8'));
    expect(lock.pid).toBe(server.pid);
    console.log(
      `[figure] PGlite: a stale lock naming a live unrelated PID (sleep, another start time) was taken over; ` +
        `the server was ready in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    await new Promise((done) => {
      server.once('exit', done);
      server.kill('SIGTERM');
    });
  }
  for (const child of children) child.kill('SIGKILL');
  await source?.close();
  await rm(work, { recursive: true, force: true });
}, 60_000);

describe(`backup while the server runs (${engine}, real server and command)`, () => {
  it('mokuhyo backup during a save loop, then mokuhyo restore into an empty target: identical tables', async () => {
    const admin = await signedInHttpClient(baseUrl, 'admin');
    expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
    const list = await (
      await admin.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)
    ).json();
    const idOf = (title: string) =>
      (list.sheets as { id: string; title: string }[]).find((s) => s.title === title)?.id ?? '';
    const loops = [
      saveLoop(await signedInHttpClient(baseUrl, 'somu-staff'), idOf('地域総務課'), 'outcome'),
      saveLoop(await signedInHttpClient(baseUrl, 'fukushi-staff'), idOf('健康福祉課'), 'purpose'),
    ];
    const total = () => loops.reduce((sum, l) => sum + l.saves(), 0);
    onTestFinished(async () => {
      await Promise.allSettled(loops.map((l) => l.stop()));
    });
    await untilSaves(loops, 6);
    const file = join(work, 'live.ndjson.gz');
    const before = total();
    const backup = await mokuhyo(sourceEnv(), 'backup', '--out', file);
    const during = total() - before;
    const after = total();
    await untilSaves(loops, after + 2);
    const saves = (await Promise.all(loops.map((l) => l.stop()))).reduce((a, b) => a + b, 0);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      onPostgres ? /PostgreSQL、読み取り専用トランザクション/ : /組み込み、稼働中のサーバー（PID \d+）経由/,
    );
    if (!onPostgres) expect(serverLog).toMatch(/バックアップ（コマンドラインの依頼）: \d+テーブル/);

    const target = onPostgres ? await createEmptyTestDatabase() : undefined;
    const targetEnv: Record<string, string> = target?.url
      ? { DATABASE_URL: target.url }
      : { DATABASE_URL: '', MOKUHYO_DATA_DIR: join(work, 'restored') };
    try {
      const restore = await mokuhyo(targetEnv, 'restore', file);
      expect(restore.code, restore.stderr).toBe(0);
      const restored = target ?? (await openDatabase({ engine: 'pglite', dataDir: join(work, 'restored') }));
      try {
        expect(await tableRowsFingerprint(restored.db)).toStrictEqual(await backupRowsFingerprint(file));
        expect(await sheetsOutOfStepWithHistory(restored.db)).toEqual([]);
      } finally {
        if (!target) await restored.close();
      }
      const again = await mokuhyo(targetEnv, 'restore', file);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^復元先のデータベースは空ではありません/);
      const rows = /（\d+テーブル・([\d,]+)行/.exec(backup.stdout)?.[1];
      console.log(
        `[figure] ${engine}: mokuhyo backup while ${saves} saves ran through the API (${during} during the command): ` +
          `${rows} rows, ${formatBytes((await stat(file)).size)}, command ${backup.ms.toFixed(0)} ms; ` +
          `mokuhyo restore ${restore.ms.toFixed(0)} ms; identical table by table, every sheet's version matches its history`,
      );
    } finally {
      await target?.close();
    }
  }, 600_000);

  it.runIf(!onPostgres)(
    'restore refuses the running server’s directory (locked), with the Japanese message',
    async () => {
      const run = await mokuhyo(sourceEnv(), 'restore', join(work, 'live.ndjson.gz'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `データディレクトリ ${dataDir} は別のプロセス（PID ${server.pid}）が使用中です。`,
      );
    },
    120_000,
  );
});
