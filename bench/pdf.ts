/**
 * PDF bench: the app's PDF of one sheet (pdfmake in a worker thread, over HTTP) against Chromium's
 * page.pdf() of the app's printable sheet page, alternating one by one, median ratio; then the
 * booklet of a synthetic 150-sheet ward (bench/lib/synthetic-ward.ts) on
 * `GET /api/v1/downloads/booklet`: its time, the latency of cached one-sheet GETs sent one after
 * another while it renders (against the same GETs with nothing else running, same run), and the
 * server's RSS before, at its peak during, and after. The server is the real one
 * (`node dist/server/main.mjs`, embedded PGlite) in a child process.
 * Run after `npm run build`: `node --import tsx bench/pdf.ts [--sheets 150] [--rounds 3] [--pdfs 5]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/chromium';
import { httpGet } from './lib/http';
import { root, startBuiltApp } from './lib/mokuhyo';
import { probe, quantile, timed } from './lib/probe';
import { installCleanupHandlers, runBench } from './lib/processes';
import { fmt, median, table } from './lib/report';
import { importSyntheticWard } from './lib/synthetic-ward';

const { values } = parseArgs({
  options: {
    sheets: { type: 'string', default: '150' },
    rounds: { type: 'string', default: '3' },
    pdfs: { type: 'string', default: '5' },
  },
});
const sheetCount = Number(values.sheets);
const rounds = Number(values.rounds);
const pdfsPerRound = Number(values.pdfs);

async function main() {
  installCleanupHandlers('pdf bench');
  const { server, base, sheet } = await startBuiltApp('pdf');
  const sheetPdfUrl = `${base}/api/v1/downloads/sheets/${sheet.id}/pdf`;
  console.log(`importing a ${sheetCount}-sheet synthetic ward…`);
  const ward = await importSyntheticWard(base, sheetCount);
  const bookletUrl = `${base}/api/v1/downloads/booklet?fiscalYear=2022&ward=${encodeURIComponent(ward)}`;

  // --- one sheet: the app's PDF against Chromium's page.pdf() of the printable page
  const browser = await launchChromium();
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${base}/sheets/${sheet.id}`);
  await page.getByRole('table').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.fonts.ready);
  const printPage = () => page.pdf({ preferCSSPageSize: true, printBackground: true });
  const appPdf = async () => {
    const response = await httpGet(sheetPdfUrl, 60_000);
    if (response.status !== 200 || response.contentType !== 'application/pdf') {
      throw new Error(`GET ${sheetPdfUrl} → ${response.status} ${response.contentType}`);
    }
    return response.body;
  };
  await appPdf(); // warm: the sheet pool's thread loads pdfmake and the fonts
  await printPage();
  const appMs: number[] = [];
  const appCpuMs: number[] = [];
  const chromiumMs: number[] = [];
  const ratios: number[] = [];
  let appBytes = 0;
  let chromiumBytes = 0;
  for (let round = 0; round < rounds; round++) {
    const roundApp: number[] = [];
    const roundChromium: number[] = [];
    for (let i = 0; i < pdfsPerRound; i++) {
      const cpu = server.cpuMs();
      const app = await timed(appPdf);
      appCpuMs.push(server.cpuMs() - cpu);
      const chrome = await timed(printPage);
      roundApp.push(app.ms);
      roundChromium.push(chrome.ms);
      appBytes = app.value.length;
      chromiumBytes = chrome.value.length;
    }
    appMs.push(...roundApp);
    chromiumMs.push(...roundChromium);
    ratios.push(median(roundChromium) / median(roundApp));
  }
  await browser.close();

  // --- the booklet, alternating with a quiet window of the same GETs
  const quiet: number[][] = [];
  const during: number[][] = [];
  const bookletMs: number[] = [];
  const aloneMs: number[] = [];
  const rss = { before: [] as number[], peak: [] as number[], after: [] as number[] };
  let bookletBytes = 0;
  for (let round = 0; round < rounds; round++) {
    // The booklet alone: the probe below keeps a core busy with GETs (client and server), and
    // the machine has two.
    const alone = await timed(() => httpGet(bookletUrl, 600_000));
    if (alone.value.status !== 200) throw new Error(`booklet → ${alone.value.status}`);
    aloneMs.push(alone.ms);
    // Its thread ends once idle: the booklet below starts a thread as this one did.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const window = new Promise((resolve) => setTimeout(resolve, 2_000));
    quiet.push(await probe(sheet.url, window));
    await window;
    rss.before.push(server.memory().rssMiB);
    let peak = 0;
    const sampler = setInterval(() => {
      // The server may be gone (killed for its memory): the booklet's GET then fails and says so.
      if (server.process.exitCode === null && server.process.signalCode === null) {
        peak = Math.max(peak, server.memory().rssMiB);
      }
    }, 50);
    const booklet = timed(() => httpGet(bookletUrl, 600_000));
    const latencies = await probe(sheet.url, booklet);
    const { ms, value } = await booklet;
    clearInterval(sampler);
    if (value.status !== 200)
      throw new Error(`booklet → ${value.status}: ${value.body.toString().slice(0, 300)}`);
    bookletBytes = value.body.length;
    bookletMs.push(ms);
    during.push(latencies);
    rss.peak.push(Math.max(peak, server.memory().rssMiB));
    // The booklet's thread ends once idle; give the allocator a moment to hand pages back.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    rss.after.push(server.memory().rssMiB);
  }
  await server.stop();

  const ratio = median(ratios);
  const maxDuring = during.map((l) => Math.max(...l));
  const maxQuiet = quiet.map((l) => Math.max(...l));
  console.log('\n===== PDF bench =====');
  console.log(
    table(
      ['one sheet (地域総務課)', 'median ms', 'p90 ms', 'KiB', 'runs'],
      [
        [
          'app: GET …/sheets/:id/pdf (pdfmake, worker)',
          fmt(median(appMs), 1),
          fmt(quantile(appMs, 0.9), 1),
          fmt(appBytes / 1024),
          String(appMs.length),
        ],
        [
          'Chromium page.pdf() of /sheets/:id',
          fmt(median(chromiumMs), 1),
          fmt(quantile(chromiumMs, 0.9), 1),
          fmt(chromiumBytes / 1024),
          String(chromiumMs.length),
        ],
      ],
      [0],
    ),
  );
  console.log(
    `Chromium ÷ app, median of ${rounds} rounds: ${fmt(ratio, 2)} × (per round: ${ratios.map((r) => fmt(r, 2)).join(', ')}; goal ≥ 3); server CPU per app PDF ${fmt(median(appCpuMs), 1)} ms`,
  );
  console.log(
    table(
      [`booklet of ${sheetCount} sheets`, 'median', 'per round'],
      [
        ['booklet time alone (ms; goal ≤ 3000)', fmt(median(aloneMs)), aloneMs.map((v) => fmt(v)).join(', ')],
        [
          'booklet time while the GETs below run (ms)',
          fmt(median(bookletMs)),
          bookletMs.map((v) => fmt(v)).join(', '),
        ],
        [
          'cached GET max while it renders (ms; goal ≤ 100)',
          fmt(median(maxDuring), 1),
          maxDuring.map((v) => fmt(v, 1)).join(', '),
        ],
        [
          'cached GET p99 while it renders (ms)',
          fmt(median(during.map((l) => quantile(l, 0.99))), 1),
          during.map((l) => `${fmt(quantile(l, 0.99), 1)} (${l.length} GETs)`).join(', '),
        ],
        [
          'baseline: cached GET max, nothing else (ms)',
          fmt(median(maxQuiet), 1),
          maxQuiet.map((v) => fmt(v, 1)).join(', '),
        ],
        ['RSS before (MiB)', fmt(median(rss.before)), rss.before.map((v) => fmt(v)).join(', ')],
        ['RSS peak during (MiB)', fmt(median(rss.peak)), rss.peak.map((v) => fmt(v)).join(', ')],
        ['RSS 3 s after (MiB)', fmt(median(rss.after)), rss.after.map((v) => fmt(v)).join(', ')],
        ['booklet size (KiB)', fmt(bookletBytes / 1024), ''],
      ],
      [0],
    ),
  );

  const figures = {
    sheetPdfMs: median(appMs),
    chromiumPdfMs: median(chromiumMs),
    chromiumOverApp: ratio,
    sheetPdfServerCpuMs: median(appCpuMs),
    bookletSheets: sheetCount,
    bookletMs: median(aloneMs),
    bookletProbedMs: median(bookletMs),
    getMaxDuringBookletMs: median(maxDuring),
    getMaxQuietMs: median(maxQuiet),
    rssBeforeMiB: median(rss.before),
    rssPeakMiB: median(rss.peak),
    rssAfterMiB: median(rss.after),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'pdf.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

runBench(main);
