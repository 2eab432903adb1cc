/**
 * mokuhyo performance bench: one-sheet API throughput against a bare node:http baseline,
 * cold and warm start times, and the server's memory. Run with `npm run bench`
 * (options: `npm run bench -- --duration 5 --rounds 1`). See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getFreePort, waitFor200 } from './lib/http';
import { combine, type LoadRun, measure, runAutocannon } from './lib/load';
import { expectSameBytes, findSheet, host, root, type StartTiming, startApp, timeStart } from './lib/mokuhyo';
import {
  ChildServer,
  cleanUp,
  cleanUpNow,
  installCleanupHandlers,
  makeTempDir,
  recentChildErrors,
} from './lib/processes';
import { fmt, median, table } from './lib/report';

const resultsFile = join(root, 'bench', 'results', 'latest.json');
const targetRatio = 0.6;
/** The whole bench must stay well under this; past it, children are killed and the bench fails. */
const watchdogMs = 170_000;

const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '64' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '2' },
    'warm-starts': { type: 'string', default: '3' },
  },
});
const config = {
  connections: positiveInt('connections', args.connections),
  durationS: positiveInt('duration', args.duration),
  warmupS: positiveInt('warmup', args.warmup),
  rounds: positiveInt('rounds', args.rounds),
  warmStarts: positiveInt('warm-starts', args['warm-starts']),
};

function positiveInt(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const log = (message: string) => console.log(message);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function gitRevision(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const cpuList = cpus();
  const machine = {
    node: process.version,
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    revision: gitRevision(),
    loadAverageAtStart: loadavg()[0] ?? 0,
  };
  log(
    `mokuhyo bench — ${machine.revision}, Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}), ` +
      `load generator in this process`,
  );

  const work = makeTempDir('mokuhyo-bench-');
  try {
    // ---- 2. Cold start, then warm starts on the same data directory --------------------------
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    const appPort = await getFreePort(host);
    log(`\n[start] cold start: empty data dir ${dataDir}, port ${appPort}`);
    let app = startApp(dataDir, appPort);
    const cold = await timeStart(app, appPort);
    await settle(1_000);
    const coldIdle = app.memory();
    log(
      `  healthy after ${fmt(cold.toHealthyMs)} ms (answering 503 from ${fmt(cold.toListeningMs)} ms; ` +
        `server says 準備完了 ${fmt(cold.readyLogMs)} ms); idle RSS ${fmt(coldIdle.rssMiB, 1)} MiB`,
    );

    const warm: Array<StartTiming & { previousStopMs: number }> = [];
    for (let i = 1; i <= config.warmStarts; i++) {
      const previousStopMs = await app.stop();
      app = startApp(dataDir, appPort);
      const timing = await timeStart(app, appPort);
      warm.push({ ...timing, previousStopMs });
      log(
        `  warm start ${i}: healthy after ${fmt(timing.toHealthyMs)} ms (503 from ${fmt(timing.toListeningMs)} ms; ` +
          `準備完了 ${fmt(timing.readyLogMs)} ms; previous process stopped in ${fmt(previousStopMs)} ms)`,
      );
    }
    await settle(1_000);
    const warmIdle = app.memory();
    log(`  idle RSS after warm start ${fmt(warmIdle.rssMiB, 1)} MiB`);

    // ---- 1. One-sheet API throughput: bare node:http vs the app ------------------------------
    const sheet = await findSheet(`http://${host}:${appPort}`);
    const { reference } = sheet;
    const appUrl = sheet.url;
    const bodyFile = join(work, 'sheet.json');
    writeFileSync(bodyFile, reference.body);

    const barePort = await getFreePort(host);
    const bare = new ChildServer({
      name: 'bare server',
      script: 'bench/bare-server.ts',
      cwd: root,
      env: { PORT: String(barePort), HOST: host, BODY_FILE: bodyFile, CONTENT_TYPE: reference.contentType },
    });
    const bareUrl = `http://${host}:${barePort}/api/v1/sheets/${sheet.id}`;
    await waitFor200(bareUrl, { deadlineMs: 20_000, signal: bare.exitSignal });

    const checkSample = async (when: string) => {
      const samples = {
        app: await expectSameBytes(`${when}: app`, appUrl, reference),
        bare: await expectSameBytes(`${when}: bare`, bareUrl, reference),
      };
      log(
        `  ${when}: both 200 ${reference.contentType}, identical ${fmt(reference.body.length)}-byte bodies ` +
          `(headers: app ${samples.app.headerBytes} B, bare ${samples.bare.headerBytes} B)`,
      );
      return samples;
    };
    log(`\n[load] sheet 地域総務課 ${sheet.id}: app ${appUrl}, bare ${bareUrl}`);
    const samples = await checkSample('sample before load');

    const load = { connections: config.connections, duration: config.durationS };
    log(`  warm-up ${config.warmupS} s each…`);
    await runAutocannon(bareUrl, { ...load, duration: config.warmupS });
    await runAutocannon(appUrl, { ...load, duration: config.warmupS });

    const runs: { bare: LoadRun[]; app: LoadRun[] } = { bare: [], app: [] };
    const describe = (run: LoadRun) =>
      `${fmt(run.reqPerSec)} req/s, p50 ${fmt(run.latencyMs.p50)} ms, p99 ${fmt(run.latencyMs.p99)} ms, ` +
      `errors ${run.errors}, non-2xx ${run.non2xx}, server ${fmt(run.serverCpuUsPerRequest, 1)} µs/req, ` +
      `other load ${fmt(run.otherCpuCores, 2)} cores`;
    for (let round = 1; round <= config.rounds; round++) {
      const bareRun = await measure('bare', bareUrl, bare, load);
      runs.bare.push(bareRun);
      log(`  round ${round} bare: ${describe(bareRun)}`);
      const appRun = await measure('app', appUrl, app, load);
      runs.app.push(appRun);
      log(`  round ${round} app:  ${describe(appRun)}`);
    }
    await checkSample('sample after load');
    const appAfterLoad = app.memory();
    const bareAfterLoad = bare.memory();

    await bare.stop();
    await app.stop();

    // ---- 3. Summary ---------------------------------------------------------------------------
    const bareAll = combine(runs.bare);
    const appAll = combine(runs.app);
    const ratios = {
      reqPerSec: appAll.reqPerSec / bareAll.reqPerSec,
      mean: appAll.latencyMs.average / bareAll.latencyMs.average,
      p50: appAll.latencyMs.p50 / bareAll.latencyMs.p50,
      p99: appAll.latencyMs.p99 / bareAll.latencyMs.p99,
      serverCpuPerRequest: appAll.serverCpuUsPerRequest / bareAll.serverCpuUsPerRequest,
    };
    const warmMedian = {
      toListeningMs: median(warm.map((w) => w.toListeningMs)),
      toHealthyMs: median(warm.map((w) => w.toHealthyMs)),
      readyLogMs: median(warm.map((w) => w.readyLogMs)),
      stopMs: median(warm.map((w) => w.previousStopMs)),
    };
    const totalMs = performance.now() - benchStarted;
    const clean = [...runs.bare, ...runs.app].every((run) => run.errors === 0 && run.non2xx === 0);

    const busiestOther = Math.max(...[...runs.bare, ...runs.app].map((run) => run.otherCpuCores));
    const loadRow = (name: string, run: LoadRun) => [
      name,
      fmt(run.reqPerSec),
      fmt(run.latencyMs.average, 1),
      fmt(run.latencyMs.p50),
      fmt(run.latencyMs.p99),
      fmt(run.latencyMs.max),
      String(run.errors),
      String(run.non2xx),
      fmt(run.bytesPerResponse),
    ];
    const cpuRow = (name: string, run: LoadRun) => [
      name,
      fmt(run.serverCpuUsPerRequest, 1),
      fmt(run.serverCpuCores, 2),
      fmt(run.loadGeneratorCpuCores, 2),
      fmt(run.otherCpuCores, 2),
    ];
    log(`\n===== mokuhyo bench summary (${machine.revision}, ${new Date().toISOString()}) =====`);
    log(
      `\nOne sheet: GET /api/v1/sheets/:id (${sheet.title}, ${fmt(reference.body.length)} bytes), ` +
        `${config.connections} connections, ${config.rounds} × ${config.durationS} s per server, alternating`,
    );
    log(
      table(
        ['server', 'req/s', 'mean ms', 'p50 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'bytes/resp'],
        [
          loadRow('bare node:http', bareAll),
          loadRow('mokuhyo app', appAll),
          [
            'app / bare',
            fmt(ratios.reqPerSec, 2),
            fmt(ratios.mean, 2),
            fmt(ratios.p50, 2),
            fmt(ratios.p99, 2),
          ],
        ],
      ),
    );
    log(
      `\n=> req/s ratio app/bare ${fmt(ratios.reqPerSec, 2)} (target ≥ ${targetRatio}: ` +
        `${ratios.reqPerSec >= targetRatio ? 'met' : 'BELOW TARGET'}), p99 ratio ${fmt(ratios.p99, 2)}` +
        `${clean ? '' : '\n(!) some requests failed or were not 2xx: the figures are not valid'}`,
    );
    log('\nCPU during the runs (from /proc; cores = CPU seconds per second)');
    log(
      table(
        ['server', 'server µs/req', 'server cores', 'autocannon cores', 'other cores'],
        [
          cpuRow('bare node:http', bareAll),
          cpuRow('mokuhyo app', appAll),
          ['app / bare', fmt(ratios.serverCpuPerRequest, 2)],
        ],
      ),
    );
    if (bareAll.loadGeneratorCpuCores > 0.85) {
      log(
        '(autocannon used most of a core against the bare server: its req/s is capped by the load generator)',
      );
    }
    if (busiestOther > 0.3) {
      log(
        `(!) other processes used up to ${fmt(busiestOther, 2)} cores during a run: ` +
          'req/s and latency are disturbed; µs/req is the steadier figure — rerun on an idle machine',
      );
    }

    log('\nStart-up (spawn of `node dist/server/main.mjs` → /api/health 200, polled every 20 ms)');
    log(
      table(
        ['start', 'to 200 ms', 'to 503 ms', '準備完了 ms'],
        [
          ['cold (empty data dir)', fmt(cold.toHealthyMs), fmt(cold.toListeningMs), fmt(cold.readyLogMs)],
          [
            `warm (median of ${warm.length})`,
            fmt(warmMedian.toHealthyMs),
            fmt(warmMedian.toListeningMs),
            fmt(warmMedian.readyLogMs),
          ],
          ...warm.map((w, i) => [
            `  warm ${i + 1}`,
            fmt(w.toHealthyMs),
            fmt(w.toListeningMs),
            fmt(w.readyLogMs),
          ]),
        ],
      ),
    );
    log(`stop (SIGTERM → exit), median ${fmt(warmMedian.stopMs)} ms`);

    log('\nMemory (VmRSS of the server process; peak = VmHWM)');
    log(
      table(
        ['when', 'RSS MiB', 'peak MiB'],
        [
          ['app idle after cold start', fmt(coldIdle.rssMiB, 1), fmt(coldIdle.peakRssMiB, 1)],
          ['app idle after warm start', fmt(warmIdle.rssMiB, 1), fmt(warmIdle.peakRssMiB, 1)],
          ['app after load', fmt(appAfterLoad.rssMiB, 1), fmt(appAfterLoad.peakRssMiB, 1)],
          ['bare after load', fmt(bareAfterLoad.rssMiB, 1), fmt(bareAfterLoad.peakRssMiB, 1)],
        ],
      ),
    );
    log(`\nbench took ${fmt(totalMs / 1000, 1)} s (build not included)`);

    const results = {
      generatedAt: new Date().toISOString(),
      machine,
      config: { ...config, host },
      oneSheet: {
        sheetId: sheet.id,
        sheetTitle: sheet.title,
        bodyBytes: reference.body.length,
        contentType: reference.contentType,
        headerBytes: { app: samples.app.headerBytes, bare: samples.bare.headerBytes },
        bare: { ...bareAll, runs: runs.bare },
        app: { ...appAll, runs: runs.app },
        ratios,
        targetReqPerSecRatio: targetRatio,
        targetMet: ratios.reqPerSec >= targetRatio,
        clean,
      },
      start: { cold, warm: { median: warmMedian, runs: warm } },
      memoryMiB: {
        appIdleAfterColdStart: coldIdle,
        appIdleAfterWarmStart: warmIdle,
        appAfterLoad,
        bareAfterLoad,
      },
      loadAverageAtEnd: loadavg()[0] ?? 0,
      totalMs,
    };
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    log(`figures written to ${resultsFile}`);
    if (!clean) process.exitCode = 1;
  } finally {
    await cleanUp();
  }
}

installCleanupHandlers('bench');
setTimeout(() => {
  console.error(`bench: still running after ${watchdogMs / 1000} s, giving up`);
  cleanUpNow();
  process.exit(1);
}, watchdogMs).unref();

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  const childErrors = recentChildErrors();
  if (childErrors) console.error(childErrors);
  process.exitCode = 1;
});
