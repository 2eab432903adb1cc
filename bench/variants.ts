/**
 * Where the app's time per request goes: serve the one sheet's bytes from progressively more of
 * the app's stack (bench/variant-server.ts) and from the real server, all at the same offered
 * rate, and compare the server CPU each spends per request.
 *
 * Run: `node --import tsx bench/variants.ts [--rate 5000] [--duration 5] [--only hono-bytes,app]`
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getFreePort, waitFor200 } from './lib/http';
import { type LoadRun, measure, runAutocannon } from './lib/load';
import { expectSameBytes, findSheet, host, root, startApp, timeStart } from './lib/mokuhyo';
import {
  ChildServer,
  cleanUp,
  installCleanupHandlers,
  makeTempDir,
  recentChildErrors,
} from './lib/processes';
import { fmt, table } from './lib/report';

const descriptions: Record<string, string> = {
  'node-bytes': 'node:http, Buffer body (the bench baseline)',
  'node-string': 'node:http, the same body as a JS string',
  'hono-bytes': 'Hono + @hono/node-server, Uint8Array body',
  'hono-string': 'Hono + @hono/node-server, string body',
  'hono-string+requestId': '… + requestId()',
  'hono-string+secureHeaders': "… + secureHeaders() with the app's CSP",
  'hono-string+validator': '… + zValidator uuid param',
  'hono-string+all': 'requestId + secureHeaders + validator, string body',
  'hono-bytes+all': 'requestId + secureHeaders + validator, Uint8Array body',
  app: 'the real server (dist/server/main.mjs), no cookie',
  'app+cookie': 'the real server, with a mokuhyo_csrf cookie as a returning browser sends',
};
/** A well-formed CSRF cookie, so the app has no token to make and no cookie to set. */
const csrfCookie = `mokuhyo_csrf=${'b'.repeat(32)}`;

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: '5000' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '64' },
    only: { type: 'string' },
  },
});
const load = {
  connections: Number(args.connections),
  duration: Number(args.duration),
  overallRate: Number(args.rate),
};
const selected = args.only ? args.only.split(',') : Object.keys(descriptions);
for (const name of selected) if (!(name in descriptions)) throw new Error(`unknown variant ${name}`);

async function main(): Promise<void> {
  const work = makeTempDir('mokuhyo-variants-');
  try {
    const dataDir = join(work, 'data');
    mkdirSync(dataDir);
    const appPort = await getFreePort(host);
    const app = startApp(dataDir, appPort);
    await timeStart(app, appPort);
    const sheet = await findSheet(`http://${host}:${appPort}`);
    const bodyFile = join(work, 'sheet.json');
    writeFileSync(bodyFile, sheet.reference.body);
    console.log(
      `sheet ${sheet.title} (${sheet.reference.body.length} bytes); each variant: 1 s warm-up, then ` +
        `${load.duration} s at ${fmt(load.overallRate)} req/s offered over ${load.connections} connections`,
    );

    const results: LoadRun[] = [];
    for (const name of selected) {
      let server = app;
      let url = sheet.url;
      const isApp = name === 'app' || name === 'app+cookie';
      const headers: Record<string, string> = name === 'app+cookie' ? { cookie: csrfCookie } : {};
      if (!isApp) {
        const port = await getFreePort(host);
        server = new ChildServer({
          name: `variant ${name}`,
          script: 'bench/variant-server.ts',
          cwd: root,
          env: {
            VARIANT: name,
            PORT: String(port),
            HOST: host,
            BODY_FILE: bodyFile,
            CONTENT_TYPE: sheet.reference.contentType,
          },
        });
        url = `http://${host}:${port}/api/v1/sheets/${sheet.id}`;
        await waitFor200(url, { deadlineMs: 20_000, signal: server.exitSignal });
      }
      await expectSameBytes(name, url, sheet.reference);
      await runAutocannon(url, { ...load, headers, duration: 1 });
      const run = await measure(name, url, server, { ...load, headers });
      results.push(run);
      console.log(
        `  ${name}: ${fmt(run.serverCpuUsPerRequest, 1)} µs/req, ${fmt(run.reqPerSec)} req/s, ` +
          `p99 ${fmt(run.latencyMs.p99)} ms, errors ${run.errors + run.non2xx}, other load ${fmt(run.otherCpuCores, 2)}`,
      );
      if (server !== app) await server.stop();
    }
    await app.stop();

    const baseline = results.find((run) => run.target === 'node-bytes')?.serverCpuUsPerRequest;
    console.log(
      `\nServer CPU per request at ${fmt(load.overallRate)} req/s offered (lower is better; ` +
        'capacity ≈ 1e6 / µs per core)',
    );
    console.log(
      table(
        ['variant', 'µs/req', '× node-bytes', 'req/s', 'p99 ms', 'bytes/resp', 'what'],
        results.map((run) => [
          run.target,
          fmt(run.serverCpuUsPerRequest, 1),
          baseline ? fmt(run.serverCpuUsPerRequest / baseline, 2) : '',
          fmt(run.reqPerSec),
          fmt(run.latencyMs.p99),
          fmt(run.bytesPerResponse),
          descriptions[run.target] ?? '',
        ]),
        [6],
      ),
    );
  } finally {
    await cleanUp();
  }
}

installCleanupHandlers('variants');

main().catch((error: unknown) => {
  console.error('variants failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  const childErrors = recentChildErrors();
  if (childErrors) console.error(childErrors);
  process.exitCode = 1;
});
