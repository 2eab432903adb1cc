import autocannon, { type Result } from 'autocannon';
import { type ChildServer, systemBusyMs } from './processes';

export interface LoadOptions {
  connections: number;
  /** Seconds. */
  duration: number;
  /** Offered requests per second over all connections; unlimited (saturating) when absent. */
  overallRate?: number;
  /** Request headers, e.g. a cookie. */
  headers?: Record<string, string>;
}

/** The figures kept from one autocannon run. */
export interface LoadRun {
  target: string;
  url: string;
  durationS: number;
  requests: number;
  reqPerSec: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; average: number };
  /** Connection errors (timeouts included) and non-2xx answers; both must be 0. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Bytes received per response, headers included. */
  bytesPerResponse: number;
  /** CPU the server process used per completed request (user + system), in microseconds. */
  serverCpuUsPerRequest: number;
  /** Share of one core the server process used during the run. */
  serverCpuCores: number;
  /** Share of one core this process (the load generator) used during the run. */
  loadGeneratorCpuCores: number;
  /** Cores used by everything else on the machine during the run (noise: other tests, builds). */
  otherCpuCores: number;
}

export function runAutocannon(
  url: string,
  { connections, duration, overallRate, headers }: LoadOptions,
): Promise<Result> {
  return new Promise((resolve, reject) => {
    const options = { url, connections, duration, pipelining: 1, timeout: 10, headers: headers ?? {} };
    autocannon(overallRate ? { ...options, overallRate } : options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Load `url` (served by `server`) and measure the server's CPU alongside autocannon's figures. */
export async function measure(
  target: string,
  url: string,
  server: ChildServer,
  options: LoadOptions,
): Promise<LoadRun> {
  const serverCpuBefore = server.cpuMs();
  const systemBefore = systemBusyMs();
  const ownCpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = await runAutocannon(url, options);
  const wallMs = performance.now() - started;
  const serverCpu = server.cpuMs() - serverCpuBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const ownCpuMs = (ownCpu.user + ownCpu.system) / 1000;
  const otherCpuMs = Math.max(0, systemBusyMs() - systemBefore - serverCpu - ownCpuMs);
  const requests = result.requests.total;
  return {
    target,
    url,
    durationS: result.duration,
    requests,
    reqPerSec: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      average: result.latency.average,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: requests > 0 ? result.throughput.total / requests : 0,
    serverCpuUsPerRequest: requests > 0 ? (serverCpu * 1000) / requests : 0,
    serverCpuCores: serverCpu / wallMs,
    loadGeneratorCpuCores: ownCpuMs / wallMs,
    otherCpuCores: otherCpuMs / wallMs,
  };
}

/** Mean of each figure over several runs of one target (counts are summed). */
export function combine(runs: LoadRun[]): LoadRun {
  const first = runs[0];
  if (!first) throw new Error('no runs to combine');
  const mean = (pick: (run: LoadRun) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
  const sum = (pick: (run: LoadRun) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    target: first.target,
    url: first.url,
    durationS: sum((run) => run.durationS),
    requests: sum((run) => run.requests),
    reqPerSec: mean((run) => run.reqPerSec),
    latencyMs: {
      p50: mean((run) => run.latencyMs.p50),
      p90: mean((run) => run.latencyMs.p90),
      p99: mean((run) => run.latencyMs.p99),
      max: Math.max(...runs.map((run) => run.latencyMs.max)),
      average: mean((run) => run.latencyMs.average),
    },
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    non2xx: sum((run) => run.non2xx),
    bytesPerResponse: mean((run) => run.bytesPerResponse),
    serverCpuUsPerRequest: mean((run) => run.serverCpuUsPerRequest),
    serverCpuCores: mean((run) => run.serverCpuCores),
    loadGeneratorCpuCores: mean((run) => run.loadGeneratorCpuCores),
    otherCpuCores: mean((run) => run.otherCpuCores),
  };
}
