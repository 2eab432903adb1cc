import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getFreePort, getJson, type HttpResponse, httpGet, waitFor200 } from './http';
import { ChildServer, makeTempDir } from './processes';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
export const host = '127.0.0.1';
const readyLine = /^準備完了 \((\d+) ms\)/;

export interface StartTiming {
  /** Spawn → first HTTP answer of any status (503 while starting). */
  toListeningMs: number;
  /** Spawn → /api/health 200. */
  toHealthyMs: number;
  /** The server's own `準備完了 (N ms)`: from main() start to ready. */
  readyLogMs: number;
}

/** The server as `npm start` runs it (made by `npm run build`). */
export const serverBundle = 'dist/server/main.mjs';

/** Spawn the real server (`node dist/server/main.mjs`) on the embedded PGlite in `dataDir`. */
export function startApp(dataDir: string, port: number): ChildServer {
  return new ChildServer({
    name: 'mokuhyo server',
    script: serverBundle,
    cwd: root,
    // DATABASE_URL empty: always the embedded PGlite in `dataDir`, whatever the caller's env says.
    env: {
      PORT: String(port),
      HOST: host,
      MOKUHYO_DATA_DIR: dataDir,
      DATABASE_URL: '',
      MOKUHYO_SAMPLE_DATA: 'on',
    },
  });
}

/** Wait until the server answers /api/health 200 (polled every 20 ms) and read its ready line. */
export async function timeStart(server: ChildServer, port: number): Promise<StartTiming> {
  const { firstAnswerAt, healthyAt } = await waitFor200(`http://${host}:${port}/api/health`, {
    intervalMs: 20,
    deadlineMs: 60_000,
    signal: server.exitSignal,
  });
  const ready = await server.waitForLine(readyLine, 5_000);
  return {
    toListeningMs: firstAnswerAt - server.spawnedAt,
    toHealthyMs: healthyAt - server.spawnedAt,
    readyLogMs: Number(ready[1]),
  };
}

interface Ward {
  id: string;
  name: string;
  fiscalYears: number[];
}
interface SheetSummary {
  id: string;
  title: string;
}

export interface BenchSheet {
  id: string;
  title: string;
  url: string;
  /** The first answer for the sheet: its status, content-type and bytes. */
  reference: HttpResponse;
}

/** 地域総務課's 2022 sheet of 北区 (from the sample data), found through the list API, and its bytes. */
export async function findSheet(base: string, title = '地域総務課'): Promise<BenchSheet> {
  const wards = await getJson<Ward[]>(`${base}/api/v1/wards`);
  const ward = wards.find((w) => w.name === '北区');
  if (!ward?.fiscalYears.includes(2022))
    throw new Error(`no 北区 2022 in /api/v1/wards: ${JSON.stringify(wards)}`);
  const list = await getJson<{ sheets: SheetSummary[] }>(
    `${base}/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent(ward.name)}`,
  );
  const sheet = list.sheets.find((s) => s.title === title);
  if (!sheet) throw new Error(`no ${title} sheet in the list: ${list.sheets.map((s) => s.title).join(', ')}`);
  const url = `${base}/api/v1/sheets/${sheet.id}`;
  const reference = await httpGet(url);
  if (reference.status !== 200) {
    throw new Error(`GET ${url} → ${reference.status}: ${reference.body.toString('utf8').slice(0, 300)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reference.body.toString('utf8'));
  } catch {
    throw new Error(`GET ${url} → 200 but not JSON (${reference.body.length} bytes)`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { id?: unknown }).id !== sheet.id) {
    throw new Error(
      `GET ${url} → 200 but not sheet ${sheet.id}: ${reference.body.toString('utf8').slice(0, 200)}`,
    );
  }
  return { id: sheet.id, title: sheet.title, url, reference };
}

/** Check that `url` answers 200 with exactly the reference's content-type and bytes. */
export async function expectSameBytes(
  name: string,
  url: string,
  reference: HttpResponse,
): Promise<HttpResponse> {
  const response = await httpGet(url);
  if (response.status !== 200) throw new Error(`${name} answered ${response.status}`);
  if (response.contentType !== reference.contentType) {
    throw new Error(`${name} content-type ${response.contentType}, expected ${reference.contentType}`);
  }
  if (!response.body.equals(reference.body)) {
    throw new Error(`${name} body (${response.body.length} bytes) differs from the sheet's bytes`);
  }
  return response;
}

/**
 * The built server on the embedded PGlite with the sample, on a free port and a fresh data
 * directory, once healthy; with the sample's 地域総務課 sheet (the PDF and import benches).
 */
export async function startBuiltApp(
  name: string,
): Promise<{ server: ChildServer; base: string; sheet: BenchSheet }> {
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) throw new Error('run `npm run build` first');
  const port = await getFreePort();
  const base = `http://${host}:${port}`;
  const server = startApp(makeTempDir(`mokuhyo-${name}-bench-`), port);
  // A new data directory is made at the first start: slow on a busy machine, so wait long.
  await waitFor200(`${base}/api/health`, { intervalMs: 100, deadlineMs: 300_000, signal: server.exitSignal });
  return { server, base, sheet: await findSheet(base) };
}
