import { type HttpResponse, httpGet } from './http';

/** How long `work` took, with what it gave. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/** The value below which a share `q` of `values` lies (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * GETs of `url`, one after another on fresh connections, until `until` settles; returns each
 * one's time in ms. Every answer must be a 200 (`get` lets a caller add headers, a cookie).
 */
export async function probe(
  url: string,
  until: Promise<unknown>,
  get: (url: string) => Promise<Pick<HttpResponse, 'status'>> = (u) => httpGet(u, 600_000),
): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const { ms, value } = await timed(() => get(url));
    if (value.status !== 200) throw new Error(`probe GET ${url} → ${value.status}`);
    latencies.push(ms);
  }
  return latencies;
}
