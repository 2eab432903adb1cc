import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ChildServer } from './processes';

const run = promisify(execFile);

export interface WrkOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  threads?: number;
  headers?: Record<string, string>;
}

/** The figures kept from one `wrk --latency` run. */
export interface WrkRun {
  reqPerSec: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number };
  /** Socket errors (connect, read, write, timeout) and answers outside 2xx/3xx; both must be 0. */
  errors: number;
  non2xx: number;
  /** CPU the server process used per completed request (user + system), in microseconds. */
  serverCpuUsPerRequest: number;
}

const unitMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string): number {
  const match = text.match(/^([\d.]+)(us|ms|s|m)$/);
  if (!match?.[1] || !match[2]) throw new Error(`wrk: unreadable duration ${text}`);
  return Number(match[1]) * (unitMs[match[2]] ?? Number.NaN);
}

/** Read wrk's text report (`--latency`). */
function parseWrk(output: string): Omit<WrkRun, 'serverCpuUsPerRequest'> {
  const number = (pattern: RegExp) => Number(output.match(pattern)?.[1] ?? Number.NaN);
  const percentile = (p: number) => {
    const match = output.match(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm'));
    if (!match?.[1]) throw new Error(`wrk: no ${p}% latency in\n${output}`);
    return durationMs(match[1]);
  };
  const socket = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  const errors = socket ? socket.slice(1).reduce((n, v) => n + Number(v), 0) : 0;
  const reqPerSec = number(/Requests\/sec:\s+([\d.]+)/);
  if (!Number.isFinite(reqPerSec)) throw new Error(`wrk: no Requests/sec in\n${output}`);
  return {
    reqPerSec,
    requests: number(/(\d+) requests in/),
    latencyMs: { p50: percentile(50), p90: percentile(90), p99: percentile(99) },
    errors,
    non2xx: output.match(/Non-2xx or 3xx responses: (\d+)/) ? number(/Non-2xx or 3xx responses: (\d+)/) : 0,
  };
}

/** Load `url` (served by `server`) with wrk and measure the server's CPU per request. */
export async function wrk(url: string, server: ChildServer, options: WrkOptions): Promise<WrkRun> {
  const args = [
    `-t${options.threads ?? 2}`,
    `-c${options.connections}`,
    `-d${options.duration}s`,
    '--latency',
    '--timeout',
    '10s',
    ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
    url,
  ];
  const cpuBefore = server.cpuMs();
  const { stdout } = await run('/usr/bin/wrk', args, { maxBuffer: 1 << 20 });
  const cpuMs = server.cpuMs() - cpuBefore;
  const parsed = parseWrk(stdout);
  return { ...parsed, serverCpuUsPerRequest: parsed.requests > 0 ? (cpuMs * 1000) / parsed.requests : 0 };
}
