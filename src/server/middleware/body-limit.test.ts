import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsersIfNone, demoPassword } from '../../db/seed/demo-users';
import { loadSampleIfEmpty } from '../../db/seed/load-sample';
import { createTestDatabase } from '../../db/testing';
import { wardYearSheetsSchema } from '../../schemas/sheet';
import { sheetViewSchema, toSheetDocument } from '../../schemas/sheet-edit';
import { createApp } from '../app';
import { bodyLimits } from './body-limit';

const megabyte = 1024 * 1024;
const hundredMegabytes = 100 * megabyte;

let origin = '';
let close: () => Promise<void>;
/** Cookie and CSRF header of a browser signed in as somu-staff. */
let staff: Record<string, string>;
let sheetIds: string[] = [];
let sheetId = '';

/** Cookies of a response as one Cookie header (the later ones win). */
function cookieHeader(responses: Response[]): Record<string, string> {
  const jar = new Map<string, string>();
  for (const res of responses)
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  return {
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-csrf-token': jar.get('mokuhyo_csrf') ?? '',
  };
}

beforeAll(async () => {
  const database = await createTestDatabase();
  await loadSampleIfEmpty(database.db);
  await createDemoUsersIfNone(database.db);
  const { app, dispose } = await createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dispose();
    await database.close();
  };
  const me = await fetch(`${origin}/api/v1/auth/me`);
  const first = cookieHeader([me]);
  const signIn = await fetch(`${origin}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { ...first, 'content-type': 'application/json' },
    body: JSON.stringify({ loginId: 'somu-staff', password: demoPassword }),
  });
  expect(signIn.status).toBe(200);
  staff = cookieHeader([me, signIn]);
  const list = wardYearSheetsSchema.parse(
    await (await fetch(`${origin}/api/v1/sheets?fiscalYear=2022&ward=北区`, { headers: staff })).json(),
  );
  sheetIds = list.sheets.map((s) => s.id);
  sheetId = sheetIds[0] ?? '';
});

afterAll(async () => {
  await close();
});

interface Sent {
  status: number;
  body: string;
  /** From the first byte sent to the answer's status line. */
  ms: number;
  /** From the first byte sent until the server had closed the connection (null: it never did). */
  closedMs: number | null;
  /** Bytes the client got into the socket in all (it writes on after the answer, until closed). */
  written: number;
  /** Growth of this process's resident memory (the server runs in it), MB. */
  rssGrowthMb: number;
}

/**
 * Sends `total` bytes of body through a real socket (with Content-Length or chunked) without
 * holding them: one 64 KiB chunk is written again and again. The client goes on writing after
 * the answer, as a careless or hostile one would, so the figures show when the server stopped
 * reading: the connection's close.
 */
function sendHuge(
  method: 'POST' | 'PUT',
  path: string,
  headers: Record<string, string>,
  { total, chunked }: { total: number; chunked: boolean },
): Promise<Sent> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const rssBefore = process.memoryUsage().rss;
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let written = 0;
    let answer: { status: number; body: string; ms: number } | null = null;
    let closedMs: number | null = null;
    const finish = () => {
      if (!answer) return;
      clearTimeout(timer);
      request.destroy();
      const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / megabyte;
      resolve({ ...answer, closedMs, written, rssGrowthMb });
    };
    const timer = setTimeout(() => {
      if (answer) finish();
      else reject(new Error(`no answer to ${method} ${path} within 10 s`));
    }, 10_000);
    const request = http.request({
      host: url.hostname,
      port: url.port,
      method,
      path: url.pathname,
      agent: false,
      headers: {
        ...headers,
        'content-type': 'application/json',
        ...(chunked ? {} : { 'content-length': String(total) }),
      },
    });
    request.on('response', (response) => {
      const ms = performance.now() - started;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (text: string) => {
        body += text;
      });
      response.on('end', () => {
        answer = { status: response.statusCode ?? 0, body, ms };
        if (closedMs !== null || written >= total) finish();
      });
    });
    const closed = () => {
      closedMs ??= performance.now() - started;
      finish();
    };
    request.on('error', closed);
    request.on('close', closed);
    const pump = () => {
      while (closedMs === null && written < total) {
        written += chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (closedMs === null) request.end();
    };
    pump();
  });
}

describe('a body over its route limit is refused before it is read', () => {
  const cases = [
    { name: 'sign-in, signed out, no CSRF', method: 'POST', path: '/api/v1/auth/sign-in', as: 'public' },
    {
      name: 'sign-in with its own CSRF cookie and header',
      method: 'POST',
      path: '/api/v1/auth/sign-in',
      as: 'forged',
    },
    { name: 'sheet save, signed in', method: 'PUT', path: 'sheet', as: 'staff' },
  ] as const;
  for (const c of cases)
    for (const chunked of [false, true])
      it(`${c.name}, 100 MB ${chunked ? 'chunked' : 'with Content-Length'}: 413 at once`, async () => {
        const headers =
          c.as === 'staff'
            ? staff
            : c.as === 'forged'
              ? { cookie: 'mokuhyo_csrf=mine', 'x-csrf-token': 'mine' }
              : ({} as Record<string, string>);
        const path = c.path === 'sheet' ? `/api/v1/sheets/${sheetId}` : c.path;
        const sent = await sendHuge(c.method, path, headers, { total: hundredMegabytes, chunked });
        console.log(
          `100 MB ${c.method} ${c.path === 'sheet' ? '/api/v1/sheets/:id' : c.path} (${c.name}, ${chunked ? 'chunked' : 'Content-Length'}): ` +
            `${sent.status} in ${sent.ms.toFixed(0)} ms; connection closed by the server at ${sent.closedMs?.toFixed(0) ?? '—'} ms ` +
            `with ${(sent.written / megabyte).toFixed(1)} of 100 MB written; server RSS ${sent.rssGrowthMb >= 0 ? '+' : ''}${sent.rssGrowthMb.toFixed(1)} MB`,
        );
        expect(sent.status).toBe(413);
        const limit = c.path === 'sheet' ? '4 MB' : '1 MB';
        expect(JSON.parse(sent.body).error).toMatchObject({
          code: 'too_large',
          message: `送信されたデータが大きすぎます（上限 ${limit}）。`,
        });
        // Well under a second here; the bound leaves room for a machine busy with other work.
        expect(sent.ms).toBeLessThan(5_000);
        expect(sent.rssGrowthMb).toBeLessThan(64);
        // The server stopped reading: it closed the connection long before 100 MB went through.
        expect(sent.closedMs).not.toBeNull();
        expect(sent.written).toBeLessThan(hundredMegabytes / 2);
      });
});

describe('what a real sheet needs fits', () => {
  it('the largest sample sheet saved is far below the sheet limit, and is not refused for size', async () => {
    const sizes: { id: string; bytes: number; body: string }[] = [];
    for (const id of sheetIds) {
      const res = await fetch(`${origin}/api/v1/sheets/${id}`, { headers: staff });
      const sheet = sheetViewSchema.parse(await res.json());
      const body = JSON.stringify({ version: sheet.version, document: toSheetDocument(sheet) });
      sizes.push({ id, bytes: Buffer.byteLength(body), body });
    }
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.log(
      `sheet save payloads of the ${sizes.length} sample sheets: largest ${(largest.bytes / 1024).toFixed(1)} KiB; ` +
        `limit ${bodyLimits.sheet.maxBytes / megabyte} MB = ${Math.floor(bodyLimits.sheet.maxBytes / largest.bytes)} × the largest`,
    );
    expect(bodyLimits.sheet.maxBytes).toBeGreaterThan(50 * largest.bytes);
    const res = await fetch(`${origin}/api/v1/sheets/${largest.id}`, {
      method: 'PUT',
      headers: { ...staff, 'content-type': 'application/json' },
      body: largest.body,
    });
    // A published sample sheet is not editable: the answer is about the sheet, not the size.
    expect(res.status).not.toBe(413);
    expect([200, 403, 409]).toContain(res.status);
  });
});

describe('each route its own limit, one mechanism', () => {
  const post = (path: string, bytes: number, headers: Record<string, string> = staff) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: Buffer.alloc(bytes, 0x20),
    });

  it('JSON routes take up to 1 MB: one byte more is 413, the limit itself is read and judged', async () => {
    const over = await post('/api/v1/auth/sign-in', bodyLimits.json.maxBytes + 1, {});
    expect(over.status).toBe(413);
    const at = await post('/api/v1/auth/sign-in', bodyLimits.json.maxBytes, {});
    // Spaces only: read, then refused as no JSON (or by CSRF), never for its size.
    expect([400, 403]).toContain(at.status);
  });

  it('uploads keep the 20 MB file limit, with the file message', async () => {
    const over = await post('/api/v1/import/preview', bodyLimits.upload.maxBytes + 1);
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toBe('取り込むファイルが大きすぎます（上限 20 MB）。');
    const jobOver = await post('/api/v1/jobs/import/preview', bodyLimits.upload.maxBytes + 1);
    expect(jobOver.status).toBe(413);
    // 2 MB is over the JSON limit but a fine upload: judged as a file (somu-staff may not import).
    const upload = await post('/api/v1/import/preview', 2 * megabyte);
    expect(upload.status).toBe(403);
  });

  it('a route taking no body, and an unknown path, have the JSON limit', async () => {
    expect((await post('/api/v1/auth/sign-out', bodyLimits.json.maxBytes + 1)).status).toBe(413);
    expect((await post('/api/v1/no-such-route', bodyLimits.json.maxBytes + 1)).status).toBe(413);
    expect((await post('/no-such-page', bodyLimits.json.maxBytes + 1)).status).toBe(413);
  });
});
