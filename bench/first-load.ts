/**
 * First-load bench: Chromium opens the public sheet page of the sample (北区 令和4年度 地域総務課)
 * on the real built server, with an empty cache, and counts the bytes it fetched by kind and the
 * time until the sheet's text is visible. The baseline, in the same run: the rendered page's HTML
 * saved as a static file (scripts and stylesheets removed) and served by a bare `node:http` server.
 * Rounds alternate app / static; medians and the ratio are printed, on the local link and on a
 * throttled one. Run after `npm run build`: `node --import tsx bench/first-load.ts [--rounds 5]`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/chromium';
import { getFreePort, waitFor200 } from './lib/http';
import { findSheet, host, root, startApp, timeStart } from './lib/mokuhyo';
import { firstLoad, type PageLoad, resourceKinds, type Throttle } from './lib/page-load';
import { ChildServer, installCleanupHandlers, makeTempDir, runBench } from './lib/processes';
import { fmt, median, table } from './lib/report';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '5' } } });
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive integer');

/** 20 Mbit/s with 20 ms latency: a shared office line, where bytes cost time. */
const officeLine: Throttle = { latencyMs: 20, bytesPerSecond: (20 * 1024 * 1024) / 8 };
const goalBytes = 150 * 1024;
const goalRatio = 2;

interface Sheet {
  goals: Array<{ text: string }>;
}

async function main() {
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('run `npm run build` first');
  installCleanupHandlers('first-load bench');
  const appPort = await getFreePort();
  const app = startApp(makeTempDir('mokuhyo-first-load-'), appPort);
  await timeStart(app, appPort);
  const appBase = `http://${host}:${appPort}`;
  const sheet = await findSheet(appBase);
  const data = JSON.parse(sheet.reference.body.toString('utf8')) as Sheet;
  const marker = data.goals[0]?.text.split('\n')[0]?.trim().slice(0, 20);
  if (!marker) throw new Error('the sheet has no goal text to wait for');
  const appUrl = `${appBase}/sheets/${sheet.id}`;

  const browser = await launchChromium();
  // The static twin: the page as rendered, without the app's scripts and stylesheets.
  const staticFile = join(makeTempDir('mokuhyo-static-page-'), 'sheet.html');
  const renderer = await browser.newPage({ locale: 'ja-JP' });
  await renderer.goto(appUrl);
  await renderer.getByText(marker).first().waitFor();
  const staticHtml = await renderer.evaluate(() => {
    for (const node of document.querySelectorAll('script, link')) node.remove();
    return `<!doctype html>\n${document.documentElement.outerHTML}`;
  });
  await renderer.close();
  writeFileSync(staticFile, staticHtml);
  const staticPort = await getFreePort();
  const bare = new ChildServer({
    name: 'static page',
    script: 'bench/bare-server.ts',
    cwd: root,
    env: {
      PORT: String(staticPort),
      HOST: host,
      BODY_FILE: staticFile,
      CONTENT_TYPE: 'text/html; charset=utf-8',
    },
  });
  const staticUrl = `http://${host}:${staticPort}/sheets/${sheet.id}`;
  await waitFor200(staticUrl, { signal: bare.exitSignal });

  const figures: Record<string, number> = {};
  for (const [label, throttle] of [
    ['local link', null],
    ['office line 20 Mbit/s, 20 ms', officeLine],
  ] as const) {
    const appLoads: Array<PageLoad & { repeatBytes: number }> = [];
    const staticLoads: PageLoad[] = [];
    await firstLoad(browser, appUrl, marker, throttle); // warm the server and the disk cache
    for (let round = 0; round < rounds; round++) {
      appLoads.push(await firstLoad(browser, appUrl, marker, throttle));
      staticLoads.push(await firstLoad(browser, staticUrl, marker, throttle));
    }
    const outside = appLoads.flatMap((load) => load.urls.filter((url) => !url.startsWith(`${appBase}/`)));
    if (outside.length > 0) throw new Error(`requests left the origin: ${outside.join(', ')}`);
    const appMs = median(appLoads.map((load) => load.textVisibleMs));
    const staticMs = median(staticLoads.map((load) => load.textVisibleMs));
    report(label, appLoads, appMs, staticLoads, staticMs);
    const key = throttle ? 'office' : 'local';
    figures[`${key}AppTextVisibleMs`] = appMs;
    figures[`${key}StaticTextVisibleMs`] = staticMs;
    figures[`${key}Ratio`] = appMs / staticMs;
    if (!throttle) {
      for (const kind of resourceKinds) figures[`${kind}Bytes`] = median(appLoads.map((l) => l.bytes[kind]));
      figures.jsCssBytes = median(appLoads.map((l) => l.bytes.js + l.bytes.css));
      figures.staticHtmlBytes = Buffer.byteLength(staticHtml);
    }
  }
  await browser.close();
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'first-load.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

function report(
  label: string,
  appLoads: Array<PageLoad & { repeatBytes: number }>,
  appMs: number,
  staticLoads: PageLoad[],
  staticMs: number,
) {
  const kib = (values: number[]) => fmt(median(values) / 1024, 1);
  const row = (name: string, loads: PageLoad[], ms: number) => [
    name,
    ...resourceKinds.map(
      (kind) => `${kib(loads.map((l) => l.bytes[kind]))} (${median(loads.map((l) => l.files[kind]))})`,
    ),
    kib(loads.map((l) => resourceKinds.reduce((sum, kind) => sum + l.bytes[kind], 0))),
    fmt(median(loads.map((l) => l.scriptsReceivedMs))),
    fmt(median(loads.map((l) => l.dataReceivedMs))),
    fmt(ms, 0),
  ];
  console.log(`\n===== first load of the public sheet page — ${label}, ${appLoads.length} rounds =====`);
  console.log(
    table(
      [
        'page',
        ...resourceKinds.map((kind) => `${kind} KiB (files)`),
        'total KiB',
        'scripts in ms',
        'data in ms',
        'text visible ms',
      ],
      [row('app (/sheets/:id)', appLoads, appMs), row('static twin (bare node:http)', staticLoads, staticMs)],
      [0],
    ),
  );
  const jsCss = median(appLoads.map((l) => l.bytes.js + l.bytes.css));
  const encodings = [...new Set(appLoads.flatMap((l) => l.encodings))].join(', ');
  console.log(
    `JS + CSS transferred: ${fmt(jsCss / 1024, 1)} KiB (goal ≤ ${goalBytes / 1024}), encodings: ${encodings}; ` +
      `text visible app ÷ static: ${fmt(appMs / staticMs, 2)} (goal ≤ ${goalRatio}); ` +
      `second visit transferred ${kib(appLoads.map((l) => l.repeatBytes))} KiB`,
  );
}

runBench(main);
