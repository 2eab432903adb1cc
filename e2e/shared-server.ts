import { inject } from 'vitest';

/**
 * The origin of the shared server of this worker (the global setup starts one per worker):
 * journeys in one worker run one after another on it; the other worker's never touch it.
 */
export function sharedBaseUrl(): string {
  const baseUrls = inject('baseUrls');
  const worker = Number(process.env.VITEST_POOL_ID ?? '1');
  const baseUrl = baseUrls[(worker - 1) % baseUrls.length];
  if (!baseUrl) throw new Error('no shared server: run the journeys with vitest.e2e.config.ts');
  return baseUrl;
}
