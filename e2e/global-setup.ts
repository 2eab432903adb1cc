import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * Origins of the shared servers under test, one per vitest worker, e.g.
     * http://127.0.0.1:41234 (no trailing slash). A journey reads its own with `sharedBaseUrl()`.
     */
    baseUrls: string[];
    /** The run's Chromium, to connect to with `connectBrowser()`. */
    browserEndpoint: string;
  }
}

const repoRoot = resolve(import.meta.dirname, '..');
// Two servers start side by side (one per worker): on a busy machine that takes a while.
const startTimeoutMs = 180_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

async function waitForHealth(baseUrl: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(`the server exited with code ${server.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`the server was not healthy after ${startTimeoutMs} ms:\n${output()}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(force);
      done();
    });
    server.kill('SIGTERM');
  });
}

export type RunningServer = { baseUrl: string; stop: () => Promise<void> };

/**
 * Starts the real server (built web app + API) on a free port with a fresh data directory holding
 * the sample and the demo users. A journey that changes the sample's year itself (rollover,
 * re-imports) starts its own, so that the other journeys keep the sample as it is.
 */
export async function startServer(): Promise<RunningServer> {
  if (!['dist/web/index.html', 'dist/server/main.mjs'].every((built) => existsSync(join(repoRoot, built)))) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'mokuhyo-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(process.execPath, ['dist/server/main.mjs'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MOKUHYO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  server.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const cleanUp = async () => {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, server, () => log);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return { baseUrl, stop: cleanUp };
}

/**
 * The shared servers, one per worker (the journeys of one worker run one after another on its
 * server, as they all did on one server when there was one worker), handed to the tests through
 * `inject('baseUrls')`, and the run's one Chromium, which every journey file connects to
 * (`connectBrowser()`) instead of launching one of its own.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const count = Math.max(1, project.config.maxWorkers);
  const [browser, ...started] = await Promise.allSettled([
    launchChromiumServer(),
    ...Array.from({ length: count }, () => startServer()),
  ]);
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    if (browser.status === 'fulfilled') await browser.value.close();
  };
  const failed = [browser, ...started].find((result) => result.status === 'rejected');
  if (failed?.status === 'rejected' || browser.status === 'rejected') {
    await stopAll();
    throw failed?.status === 'rejected' ? failed.reason : new Error('Chromium did not start');
  }
  project.provide('browserEndpoint', browser.value.wsEndpoint());
  project.provide(
    'baseUrls',
    servers.map((server) => server.baseUrl),
  );
  return stopAll;
}
