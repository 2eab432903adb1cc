import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { signInFailures } from '../db/schema';
import { createTestDatabase } from '../db/testing';
import { createApp } from './app';
import { listen } from './listen';

/**
 * The server as main.ts starts it, on a real socket: the app must see the client's address
 * (it once saw none, and every client was 'unknown' to the sign-in throttle).
 */

let database: Database;
const servers: ReturnType<typeof listen>[] = [];
const disposers: (() => Promise<unknown>)[] = [];

async function start(trustedProxies: string[] = []): Promise<string> {
  const listening = listen({ port: 0, hostname: '127.0.0.1' });
  servers.push(listening);
  await new Promise<void>((resolve) => listening.server.once('listening', resolve));
  const { port } = listening.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const starting = await fetch(`${origin}/api/health`);
  expect(starting.status).toBe(503);
  const { app, dispose } = await createApp({ database, trustedProxies });
  disposers.push(dispose);
  listening.serveApp(app);
  return origin;
}

/** A failed sign-in as a browser would send it (CSRF cookie first). */
async function failSignIn(origin: string, loginId: string, headers: Record<string, string> = {}) {
  const me = await fetch(`${origin}/api/v1/auth/me`);
  const csrf = /mokuhyo_csrf=([^;]+)/.exec(me.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const res = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: `mokuhyo_csrf=${csrf}`,
      'x-csrf-token': csrf,
      ...headers,
    },
    body: JSON.stringify({ loginId, password: 'not-the-password' }),
  });
  expect(res.status).toBe(401);
}

async function addressesOf(loginId: string): Promise<string[]> {
  const rows = await database.db.select().from(signInFailures);
  return rows.filter((r) => r.loginId === loginId).map((r) => r.address);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const { server } of servers) await new Promise((resolve) => server.close(resolve));
  for (const dispose of disposers) await dispose();
  await database?.close();
});

describe('the client address on a real HTTP server', () => {
  it('is the connection’s remote address, and X-Forwarded-For is ignored unless the proxy is trusted', async () => {
    const origin = await start();
    await failSignIn(origin, 'direct', { 'x-forwarded-for': '203.0.113.9' });
    expect(await addressesOf('direct')).toEqual(['127.0.0.1']);
  });

  it('behind a trusted proxy is the rightmost untrusted hop of X-Forwarded-For', async () => {
    const origin = await start(['127.0.0.0/8']);
    await failSignIn(origin, 'proxied', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    await failSignIn(origin, 'proxied', {});
    expect(await addressesOf('proxied')).toEqual(['203.0.113.9', '127.0.0.1']);
  });
});
