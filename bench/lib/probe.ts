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
 * GETs of `url`, one after another, until `until` settles; returns each one's time in ms. Every
 * answer must be a 200. By default each GET opens a fresh connection; `get` replaces how it is
 * sent (with a cookie, say).
 */
export async function probe(
  url: string,
  until: Promise<unknown>,
  get: (url: string) => Promise<Pick<HttpResponse, 'status'>> = (u) => httpGet(u, 600_000),
): Promise<number[]> {
  let done = false;
  const stop = () => {
    done = true;
  };
  // Settled either way: the caller awaits `until` itself and reports its failure.
  until.then(stop, stop);
  const latencies: number[] = [];
  while (!done) {
    const { ms, value } = await timed(() => get(url));
    if (value.status !== 200) throw new Error(`probe GET ${url} → ${value.status}`);
    latencies.push(ms);
  }
  return latencies;
}
