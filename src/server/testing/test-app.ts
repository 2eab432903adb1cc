import type { Database } from '../../db/client';
import { demoPassword } from '../../db/seed/demo-users';
import { createTestDatabase } from '../../db/testing';
import { type CreateAppOptions, createApp } from '../app';
import { createSampleTestDatabase } from './sample-database';

/** Requests as one browser: keeps its cookies and sends the CSRF header like the web app does. */
export interface TestClient {
  request(path: string, init?: RequestInit): Promise<Response>;
  get(path: string): Promise<Response>;
  send(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<Response>;
}

export interface TestApp {
  database: Database;
  /** A browser with nobody signed in. */
  public: TestClient;
  /** A browser signed in as one of the demo users (see src/db/seed/demo-users.ts). */
  as(loginId: string, options?: { address?: string }): Promise<TestClient>;
  /** A browser with nobody signed in, connecting from this address (as the Node server would tell). */
  from(address: string): TestClient;
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real app over a fresh test database, optionally holding the Niigata Kita sample and its
 * demo users; `app` sets the app's other options (the sign-in throttle's clock, trusted proxies).
 */
export async function createTestApp({
  withSample = true,
  app: appOptions = {},
}: {
  withSample?: boolean;
  app?: Omit<CreateAppOptions, 'database'>;
} = {}): Promise<TestApp> {
  const database = withSample ? await createSampleTestDatabase() : await createTestDatabase();
  const { app, dispose } = await createApp({ ...appOptions, database });
  const fetchApp = async (path: string, init?: RequestInit, address?: string) =>
    app.request(
      path,
      init,
      address === undefined ? undefined : { incoming: { socket: { remoteAddress: address } } },
    );
  const client = (address?: string) => cookieClient((path, init) => fetchApp(path, init, address));
  const publicClient = client();
  return {
    database,
    public: publicClient,
    as: (loginId, options = {}) => signedInClient(client(options.address), loginId),
    from: (address) => client(address),
    request: (path, init) => fetchApp(path, init),
    close: async () => {
      await dispose();
      await database.close();
    },
  };
}

/** A browser over any fetch (the app in memory, or a real server): keeps cookies, sends the CSRF header. */
export function cookieClient(fetchApp: (path: string, init?: RequestInit) => Promise<Response>): TestClient {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const csrf = cookies.get('mokuhyo_csrf');
    if (csrf && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrf);
    const res = await fetchApp(path, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0/i.test(line) || value.join('=') === '') cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    return res;
  };
  return clientOver(request);
}

/** A test client whose `get` and `send` (JSON) go through `request`. */
export function clientOver(request: TestClient['request']): TestClient {
  return {
    request,
    get: (path) => request(path),
    send: (method, path, body) =>
      request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** The client signed in as one of the demo users (see src/db/seed/demo-users.ts). */
export async function signedInClient(client: TestClient, loginId: string): Promise<TestClient> {
  await client.get('/api/v1/auth/me');
  const res = await client.send('POST', '/api/v1/auth/sign-in', { loginId, password: demoPassword });
  if (res.status !== 200) throw new Error(`sign-in of ${loginId} failed: ${res.status} ${await res.text()}`);
  return client;
}
