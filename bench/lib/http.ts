import { request } from 'node:http';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface HttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** Size of the status line and headers as sent by the server. */
  headerBytes: number;
}

/** A port nobody listens on right now (bind to 0, read it, close). */
export function getFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** One GET on a fresh connection (no agent pooling, so each poll is independent). */
export function httpGet(url: string, timeoutMs = 5_000): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const raw = res.rawHeaders;
        let headerBytes = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i + 1 < raw.length; i += 2) {
          headerBytes += Buffer.byteLength(`${raw[i]}: ${raw[i + 1]}\r\n`);
        }
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(chunks),
          headerBytes,
        });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await httpGet(url);
  if (response.status !== 200) {
    throw new Error(`GET ${url} → ${response.status}: ${response.body.toString('utf8').slice(0, 300)}`);
  }
  return JSON.parse(response.body.toString('utf8')) as T;
}

/**
 * Poll `url` every `intervalMs` until it answers 200. Refused connections (not listening yet)
 * and other statuses (503 while starting) count as "not yet"; resolves with the times
 * (performance.now()) of the first answer of any status and of the 200. Rejects when `abort` fires
 * (e.g. the process exited) or after `deadlineMs`.
 */
export async function waitFor200(
  url: string,
  {
    intervalMs = 20,
    deadlineMs = 60_000,
    signal,
  }: { intervalMs?: number; deadlineMs?: number; signal?: AbortSignal },
): Promise<{ polls: number; firstAnswerAt: number; healthyAt: number }> {
  const until = performance.now() + deadlineMs;
  let polls = 0;
  let firstAnswerAt = Number.NaN;
  let last = 'no answer';
  while (performance.now() < until) {
    signal?.throwIfAborted();
    polls++;
    try {
      const response = await httpGet(url, Math.max(1, until - performance.now()));
      const at = performance.now();
      if (Number.isNaN(firstAnswerAt)) firstAnswerAt = at;
      if (response.status === 200) return { polls, firstAnswerAt, healthyAt: at };
      last = `status ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    signal?.throwIfAborted();
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer 200 within ${deadlineMs} ms (last: ${last})`);
}
