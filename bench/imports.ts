/**
 * Import bench: what other requests wait while a large ward file is imported into the embedded
 * database. Each round first probes for 2 s with nothing else running (the baseline), then imports
 * a synthetic ward of `--sheets` sheets (preview, then confirm, as a 管理者 does; a new ward each
 * round) while probing the same way: a cached one-sheet GET of the public (answered from memory,
 * each on a fresh connection) and a signed-in read of a sheet's history (which reads the
 * database each time, through fetch), each one after another. The server is the real one (`node dist/server/main.mjs`,
 * embedded PGlite) in a child process.
 * Run after `npm run build`: `node --import tsx bench/imports.ts [--sheets 500] [--rounds 3]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, startBuiltApp } from './lib/mokuhyo';
import { probe, quantile, timed } from './lib/probe';
import { installCleanupHandlers, runBench } from './lib/processes';
import { fmt, median, table } from './lib/report';
import { importSyntheticWard, signedInAdmin } from './lib/synthetic-ward';

const { values } = parseArgs({
  options: {
    sheets: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
  },
});
const sheetCount = Number(values.sheets);
const rounds = Number(values.rounds);

/** What the two probes measured over one window of time (quiet, or during an import). */
interface ProbeWindow {
  cached: number[];
  uncached: number[];
}

async function main() {
  installCleanupHandlers('import bench');
  const { server, base, sheet } = await startBuiltApp('import');
  const admin = await signedInAdmin(base);
  const historyPath = `/api/v1/sheets/${sheet.id}/history`;
  // The history reads go through fetch, which keeps its connection alive. A server whose thread
  // was held past its keep-alive timeout closes that connection as the next read is sent
  // (ECONNRESET): such a read is counted and sent again, its time included.
  let resent = 0;
  const readHistory = async (path: string): Promise<Response> => {
    try {
      const response = await admin.get(path);
      await response.arrayBuffer();
      return response;
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code !== 'ECONNRESET' || resent++ > 100) throw error;
      return readHistory(path);
    }
  };
  const probeBoth = async (until: Promise<unknown>): Promise<ProbeWindow> => {
    const [cached, uncached] = await Promise.all([
      probe(sheet.url, until),
      probe(historyPath, until, readHistory),
    ]);
    return { cached, uncached };
  };

  const quiet: ProbeWindow[] = [];
  const during: ProbeWindow[] = [];
  const importMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    quiet.push(await probeBoth(new Promise((resolve) => setTimeout(resolve, 2_000))));
    const imported = timed(() => importSyntheticWard(base, sheetCount, `合成区${round + 1}`));
    during.push(await probeBoth(imported));
    importMs.push((await imported).ms);
    console.log(`round ${round + 1}: import of ${sheetCount} sheets ${fmt(importMs.at(-1) ?? 0)} ms`);
  }
  await server.stop();

  const stat = (windows: ProbeWindow[], kind: keyof ProbeWindow, q: number) =>
    windows.map((w) => quantile(w[kind], q));
  const row = (label: string, windows: ProbeWindow[], kind: keyof ProbeWindow, q: number) => {
    const perRound = stat(windows, kind, q);
    return [
      label,
      fmt(median(perRound), 1),
      perRound.map((v, i) => `${fmt(v, 1)} (${windows[i]?.[kind].length} GETs)`).join(', '),
    ];
  };
  console.log('\n===== import bench (embedded) =====');
  console.log(
    table(
      [`import of ${sheetCount} sheets`, 'median', 'per round'],
      [
        [
          'import time, preview + confirm (ms)',
          fmt(median(importMs)),
          importMs.map((v) => fmt(v)).join(', '),
        ],
        row('cached sheet GET p99 during (ms; goal ≤ 100)', during, 'cached', 0.99),
        row('cached sheet GET max during (ms)', during, 'cached', 1),
        row('baseline: cached sheet GET p99, nothing else (ms)', quiet, 'cached', 0.99),
        row('history read p99 during (ms)', during, 'uncached', 0.99),
        row('history read max during (ms)', during, 'uncached', 1),
        row('baseline: history read p99, nothing else (ms)', quiet, 'uncached', 0.99),
        ['history reads sent again after a reset connection', String(resent), ''],
      ],
      [0],
    ),
  );
  const figures = {
    importSheets: sheetCount,
    importMs: median(importMs),
    cachedP99DuringMs: median(stat(during, 'cached', 0.99)),
    cachedMaxDuringMs: median(stat(during, 'cached', 1)),
    cachedP99QuietMs: median(stat(quiet, 'cached', 0.99)),
    uncachedP99DuringMs: median(stat(during, 'uncached', 0.99)),
    uncachedMaxDuringMs: median(stat(during, 'uncached', 1)),
    uncachedP99QuietMs: median(stat(quiet, 'uncached', 0.99)),
    historyReadsResent: resent,
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'imports.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

runBench(main);
