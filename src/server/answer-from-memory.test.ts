import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { demoPassword } from '../db/seed/demo-users';
import { wardYearSheetsSchema } from '../schemas/sheet';
import { createApp } from './app';
import { listen } from './listen';
import { sheetIdTitled } from './testing/finders';
import { signedInHttpClient } from './testing/http-client';
import { importThroughApi } from './testing/import-through-api';
import { nextYearFixture } from './testing/next-year-fixture';
import { createSampleTestDatabase } from './testing/sample-database';
import type { TestClient } from './testing/test-app';

/**
 * The public's reads answered before routing (answer-from-memory.ts) must be exactly what the
 * routes send: every request here goes to two real servers over one app — one answering from
 * memory, one always routing — and the status, headers and bytes must be the same. The requests
 * the early path must leave to the app are sent too, and it is checked which ones it answered.
 */

let database: Database;
let created: Awaited<ReturnType<typeof createApp>>;
const closers: (() => void)[] = [];
let early: string;
let routed: string;
const answeredEarly: string[] = [];
let admin: TestClient;
let published: string;
let unpublished: string;

async function start(answer: boolean, app: Awaited<ReturnType<typeof createApp>>): Promise<string> {
  const listening = listen({ port: 0, hostname: '127.0.0.1' });
  closers.push(() => listening.server.close());
  await new Promise<void>((resolve) => listening.server.once('listening', resolve));
  listening.serveApp(
    app.app,
    answer
      ? (request, response) => {
          const done = app.answerEarly(request, response);
          if (done) answeredEarly.push(`${request.method} ${request.url}`);
          return done;
        }
      : undefined,
  );
  return `http://127.0.0.1:${(listening.server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  database = await createSampleTestDatabase();
  created = await createApp({ database });
  early = await start(true, created);
  routed = await start(false, created);
  admin = await signedInHttpClient(routed, 'admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  published = await sheetIdTitled(admin, '地域総務課', { fiscalYear: 2022 });
  unpublished = await sheetIdTitled(admin, '地域総務課', { fiscalYear: 2023 });
  // Into the cache: the public's three reads, and the unpublished sheet through a signed-in read.
  for (const path of [`/api/v1/sheets/${published}`, kita2022, '/api/v1/wards']) {
    expect((await fetch(`${routed}${path}`)).status).toBe(200);
  }
  expect((await admin.get(`/api/v1/sheets/${unpublished}`)).status).toBe(200);
});
afterAll(async () => {
  for (const close of closers) close();
  await created.dispose();
  await database.close();
});

const kita2022 = `/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`;

interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Every header line as sent (name lowercased), sorted, but for the date, the connection's and the request id. */
  fields: string[];
  body: string;
}

const unlike = new Set(['date', 'connection', 'keep-alive', 'x-request-id']);

/** One request over a socket of its own, headers as raw as Node lets a client send them. */
function send(origin: string, { method = 'GET', path, headers = {}, body }: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const fields: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] ?? '').toLowerCase();
          if (!unlike.has(name)) fields.push(`${name}: ${res.rawHeaders[i + 1]}`);
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          fields: fields.sort(),
          body: Buffer.concat(chunks).toString(),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The same request to both servers: the answers must match, but for a new request id. */
async function both(sent: Sent): Promise<{ answer: Answer; early: boolean }> {
  const before = answeredEarly.length;
  const fromMemory = await send(early, sent);
  const wasEarly = answeredEarly.length > before;
  const fromRoutes = await send(routed, sent);
  const id = (answer: Answer) => answer.headers['x-request-id'];
  const given = sent.headers?.['x-request-id'];
  if (given && /^[\w\-=]{1,255}$/.test(given)) {
    expect(id(fromMemory)).toBe(given);
    expect(id(fromRoutes)).toBe(given);
  } else if (id(fromRoutes) === undefined) {
    // Refused by the Node adapter before any middleware ran.
    expect(id(fromMemory)).toBeUndefined();
  } else {
    expect(id(fromMemory)).toMatch(/^[0-9a-f-]{36}$/);
    expect(id(fromRoutes)).toMatch(/^[0-9a-f-]{36}$/);
    expect(id(fromMemory)).not.toBe(id(fromRoutes));
  }
  const compared = ({ status, fields, body }: Answer) => ({ status, fields, body });
  expect(compared(fromMemory)).toEqual(compared(fromRoutes));
  return { answer: fromMemory, early: wasEarly };
}

describe('answered from memory: the same answer as the routes', () => {
  it('one published sheet: 200, 304 on its ETag (strong, weak, in a list, *), HEAD', async () => {
    const path = `/api/v1/sheets/${published}`;
    const first = await both({ path });
    expect(first).toMatchObject({ early: true, answer: { status: 200 } });
    expect(first.answer.headers['content-length']).toBe(String(Buffer.byteLength(first.answer.body)));
    const etag = String(first.answer.headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await both({ path, headers: { 'if-none-match': ifNoneMatch } });
      expect(again).toMatchObject({ early: true, answer: { status: 304, body: '' } });
    }
    expect(await both({ path, headers: { 'if-none-match': '"other"' } })).toMatchObject({
      early: true,
      answer: { status: 200 },
    });
    expect(await both({ method: 'HEAD', path })).toMatchObject({
      early: true,
      answer: { status: 200, body: '' },
    });
    expect(await both({ method: 'HEAD', path, headers: { 'if-none-match': etag } })).toMatchObject({
      early: true,
      answer: { status: 304 },
    });
    expect(await both({ path, headers: { 'content-length': '0' } })).toMatchObject({ early: true });
  });

  it("a 部区's year list, however its query is written, and the wards list", async () => {
    const ward = encodeURIComponent('北区');
    const queries = [
      kita2022,
      `/api/v1/sheets?ward=${ward}&fiscalYear=2022`,
      `/api/v1/sheets?fiscalYear=R4&ward=${ward}`,
      `/api/v1/sheets?fiscalYear=${encodeURIComponent('令和4年度')}&ward=${ward}`,
      `/api/v1/sheets?fiscalYear=2022&ward=${ward}&page=2`,
      `/api/v1/sheets?&fiscalYear=2022&&ward=${ward}&`,
      `/api/v1/sheets?fiscalYear=2022&ward=${ward}&municipality=${encodeURIComponent('新潟市')}`,
      `/api/v1/sheets?__proto__=x&constructor=y&fiscalYear=2022&ward=${ward}`,
      `/api/v1/sheets?fiscalYear=2022&ward=${ward}&flag`,
    ];
    // Each query's list is in memory once the routes have read it (the 自治体 is part of the key).
    for (const path of queries) expect((await send(routed, { path })).status).toBe(200);
    for (const path of queries) {
      const { answer, early: wasEarly } = await both({ path });
      expect(wasEarly, path).toBe(true);
      expect(answer.status).toBe(200);
      expect(wardYearSheetsSchema.parse(JSON.parse(answer.body)).sheets.length).toBeGreaterThan(0);
    }
    expect(await both({ path: '/api/v1/wards' })).toMatchObject({ early: true, answer: { status: 200 } });
  });

  it('keeps the sender’s request id when it is one, and makes a new one otherwise', async () => {
    const path = `/api/v1/sheets/${published}`;
    for (const id of ['trace-42=abc', 'x'.repeat(255), 'x'.repeat(256), 'has space', 'a,b']) {
      expect(await both({ path, headers: { 'x-request-id': id } })).toMatchObject({ early: true });
    }
  });

  it('a browser that holds the CSRF cookie (and others) is still the public', async () => {
    const path = `/api/v1/sheets/${published}`;
    const headers = { cookie: 'mokuhyo_csrf=abcDEF_-123; theme=dark', origin: early };
    expect(await both({ path, headers })).toMatchObject({ early: true, answer: { status: 200 } });
  });
});

/** The cookies of a browser signed in on the routing server. */
async function signedInCookies(loginId: string): Promise<string> {
  const pairOf = (res: Response) => res.headers.getSetCookie().map((line) => line.split(';')[0]);
  const me = await fetch(`${routed}/api/v1/auth/me`);
  const csrf = pairOf(me).find((pair) => pair?.startsWith('mokuhyo_csrf=')) ?? '';
  const res = await fetch(`${routed}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: routed,
      cookie: csrf,
      'x-csrf-token': csrf.slice('mokuhyo_csrf='.length),
    },
    body: JSON.stringify({ loginId, password: demoPassword }),
  });
  expect(res.status).toBe(200);
  return pairOf(res).join('; ');
}

describe('left to the routes', () => {
  const leftAlone = async (sent: Sent, status: number) => {
    const { answer, early: wasEarly } = await both(sent);
    expect(wasEarly, `${sent.method ?? 'GET'} ${sent.path} ${JSON.stringify(sent.headers ?? {})}`).toBe(
      false,
    );
    expect(answer.status).toBe(status);
  };

  it('sheets the public may not read, sheets not in memory, other spellings of the path', async () => {
    await leftAlone({ path: `/api/v1/sheets/${unpublished}` }, 404);
    await leftAlone({ path: '/api/v1/sheets/00000000-0000-4000-8000-000000000000' }, 404);
    await leftAlone({ path: `/api/v1/sheets/${published.toUpperCase()}` }, 200);
    await leftAlone({ path: `/api/v1/sheets/${published}?x=1` }, 200);
    await leftAlone({ path: `/api/v1/sheets/${published}/` }, 404);
    await leftAlone({ path: '/api/v1/wards?x=1' }, 200);
    await leftAlone({ path: '/api/v1/%77ards' }, 200);
  });

  it('queries the routes refuse or read otherwise', async () => {
    const ward = encodeURIComponent('北区');
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022&fiscalYear=2023&ward=${ward}` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022&ward=%FF` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022&ward=${ward}%00` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=1800&ward=${ward}` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022&ward` }, 400);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2022&ward=${ward}+` }, 200);
    await leftAlone({ path: `/api/v1/sheets?fiscalYear=2021&ward=${ward}` }, 200);
  });

  it('a signed-in user, a session cookie that is no longer valid, cookies and headers the routes refuse', async () => {
    const path = `/api/v1/sheets/${published}`;
    await leftAlone({ path, headers: { cookie: await signedInCookies('kita-kikaku') } }, 200);
    await leftAlone({ path, headers: { cookie: 'mokuhyo_session=expired-or-forged' } }, 200);
    await leftAlone({ path, headers: { cookie: 'mokuhyo_csrf=a%00b' } }, 400);
    // Sent as Latin-1 bytes, which are no UTF-8.
    await leftAlone({ path, headers: { origin: 'http://caf\u00e9.example.jp' } }, 400);
    // Refused by the Node adapter before the app sees it.
    await leftAlone({ path, headers: { host: 'a/b' } }, 400);
    await leftAlone({ path, headers: { host: 'Example.JP' } }, 200);
  });

  it('other methods, and a GET with a body', async () => {
    const path = `/api/v1/sheets/${published}`;
    await leftAlone({ method: 'POST', path: '/api/v1/wards' }, 403);
    await leftAlone({ method: 'DELETE', path }, 403);
    await leftAlone({ path, headers: { 'content-length': '2' }, body: '{}' }, 200);
  });

  it('a sheet that changed is read again by the routes, then answered from memory again', async () => {
    const path = `/api/v1/sheets/${published}`;
    const before = await both({ path });
    expect(before.early).toBe(true);
    created.cache.invalidate(published);
    await leftAlone({ path }, 200);
    expect(await both({ path })).toMatchObject({ early: true, answer: { body: before.answer.body } });
  });

  it('the wards list, once a 部区 changed, is checked by the routes, then answered from memory again', async () => {
    const wards = await both({ path: '/api/v1/wards' });
    expect(wards.early).toBe(true);
    const [ward] = JSON.parse(wards.answer.body) as { id: string }[];
    if (!ward) throw new Error('no ward');
    created.cache.wardChanged(ward.id);
    await leftAlone({ path: '/api/v1/wards' }, 200);
    expect(await both({ path: '/api/v1/wards' })).toMatchObject({
      early: true,
      answer: { status: 200, body: wards.answer.body },
    });
  });
});
