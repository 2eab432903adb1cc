import { demoPassword } from '../../db/seed/demo-users';
import type { TestClient } from './test-app';

/**
 * A browser against a real server over HTTP: keeps its cookies and sends the CSRF header like
 * the web app does (the same interface as the in-process test clients).
 */
export function httpClient(baseUrl: string): TestClient {
  const cookies = new Map<string, string>();
  const request = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const csrf = cookies.get('mokuhyo_csrf');
    if (csrf && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrf);
    headers.set('origin', baseUrl);
    const res = await fetch(`${baseUrl}${path}`, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (!name) continue;
      if (/max-age=0/i.test(line) || value.join('=') === '') cookies.delete(name.trim());
      else cookies.set(name.trim(), value.join('='));
    }
    return res;
  };
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

/** A real-server browser signed in as one of the demo users. */
export async function signedInHttpClient(baseUrl: string, loginId: string): Promise<TestClient> {
  const client = httpClient(baseUrl);
  await client.get('/api/v1/auth/me');
  const res = await client.send('POST', '/api/v1/auth/sign-in', { loginId, password: demoPassword });
  if (res.status !== 200) throw new Error(`sign-in of ${loginId} failed: ${res.status} ${await res.text()}`);
  return client;
}
