import { cookieClient, signedInClient, type TestClient } from './test-app';

/**
 * A browser against a real server over HTTP: the test app's cookie-keeping client, over fetch,
 * sending the Origin a browser on that page would.
 */
function httpClient(baseUrl: string): TestClient {
  return cookieClient((path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('origin', baseUrl);
    return fetch(`${baseUrl}${path}`, { ...init, headers });
  });
}

/** A real-server browser signed in as one of the demo users. */
export function signedInHttpClient(baseUrl: string, loginId: string): Promise<TestClient> {
  return signedInClient(httpClient(baseUrl), loginId);
}
