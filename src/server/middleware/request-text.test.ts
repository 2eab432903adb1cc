import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxJsonDepth } from '../../schemas/json-value';
import { sheetIdTitled } from '../testing/finders';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
let staff: TestClient;
let admin: TestClient;
let sheetId = '';

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.as('somu-staff');
  admin = await t.as('admin');
  await t.public.get('/api/v1/auth/me');
  sheetId = await sheetIdTitled(t.public, '地域総務課');
});
afterAll(async () => {
  await t.close();
});

type Issue = { path: string; message: string };

async function refusedWith(res: Response, path: string): Promise<Issue> {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(400);
  expect(body.error.code).toBe('invalid');
  const issue = (body.error.issues as Issue[]).find((i) => i.path === path);
  expect(issue, JSON.stringify(body.error.issues)).toBeDefined();
  return issue as Issue;
}

/** Percent-encoded bytes that are no text: not UTF-8, overlong, an encoded surrogate, cut short. */
const undecodable = ['%FF', '%C0%80', '%ED%A0%80', '%ED%B0%80', '%E5%8C', '%', '%G1', 'a%2'];

describe('query parameters', () => {
  it('U+0000 and other control characters are a 400 naming the parameter, on every public list', async () => {
    for (const path of [
      '/api/v1/organizations?ward=%00',
      '/api/v1/sheets?fiscalYear=2022&ward=%E5%8C%97%E5%8C%BA&municipality=%00',
      '/api/v1/export?fiscalYear=2022&ward=%E5%8C%97%00',
      '/api/v1/downloads/csv?fiscalYear=%00&ward=x',
      '/api/v1/downloads/booklet?fiscalYear=2022&ward=%1B',
    ]) {
      const name = /[?&](\w+)=[^&]*%(00|1B)/.exec(path)?.[1] ?? '';
      const issue = await refusedWith(await t.public.get(path), name);
      expect(issue.message).toMatch(/使えない制御文字（U\+00(00|1B)）/);
    }
  });

  it('bytes that are not UTF-8 are a 400 naming the parameter, never looked up as "%FF"', async () => {
    for (const bad of undecodable) {
      const issue = await refusedWith(await t.public.get(`/api/v1/organizations?ward=${bad}`), 'ward');
      expect(issue.message).toBe('UTF-8 として読めない符号（%FF のような）が含まれています');
    }
  });

  it('parameters no route reads and bad names are refused too', async () => {
    await refusedWith(await t.public.get('/api/v1/wards?unknown=%00'), 'unknown');
    await refusedWith(await t.public.get('/api/v1/wards?%FF=1'), '%FF');
    await refusedWith(await t.public.get('/api/health?x=%ED%A0%80'), 'x');
  });

  it('readable text passes as it did: Japanese, +, tab and line breaks in free text', async () => {
    expect((await t.public.get(`/api/v1/organizations?ward=${encodeURIComponent('北区')}`)).status).toBe(200);
    expect(
      (await t.public.get('/api/v1/organizations?ward=%E5%8C%97%E5%8C%BA&note=a+b%09c%0D%0Ad')).status,
    ).toBe(200);
  });
});

describe('path parameters', () => {
  it('are decoded strictly and named', async () => {
    for (const bad of undecodable.filter((b) => b !== '%')) {
      await refusedWith(await t.public.get(`/api/v1/sheets/${bad}`), 'id');
      await refusedWith(await t.public.get(`/api/v1/sheets/${sheetId}/snapshots/${bad}`), 'stage');
    }
    await refusedWith(await t.public.get('/api/v1/sheets/%00/history'), 'id');
    await refusedWith(
      await staff.send('PUT', '/api/v1/sheets/%ED%A0%80', { version: 1, document: {} }),
      'id',
    );
  });
});

describe('headers and cookies the app reads', () => {
  it('a session or CSRF cookie that is no text is a 400 naming it, and is cleared', async () => {
    for (const [cookie, name] of [
      ['mokuhyo_session=%00', 'mokuhyo_session'],
      ['mokuhyo_session=%FF%FE', 'mokuhyo_session'],
      ['mokuhyo_csrf=%ED%A0%80', 'mokuhyo_csrf'],
      ['other=1; mokuhyo_csrf=\u00ff', 'mokuhyo_csrf'],
    ] as const) {
      const res = await t.request('/api/v1/auth/me', { headers: { cookie } });
      const issue = await refusedWith(res, `cookies.${name}`);
      expect(issue.message).toMatch(/UTF-8|制御文字/);
      expect(res.headers.getSetCookie().some((c) => c.startsWith(`${name}=;`) && /Max-Age=0/i.test(c))).toBe(
        true,
      );
    }
    // Cookies of other applications on the same host are none of our business.
    expect((await t.request('/api/v1/auth/me', { headers: { cookie: 'theirs=%FF' } })).status).toBe(200);
  });

  it('Origin and the CSRF header are read as UTF-8: anything else is a 400 naming the header', async () => {
    await refusedWith(
      await t.request('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { origin: 'http://\u00ff', 'content-type': 'application/json' },
        body: '{}',
      }),
      'headers.origin',
    );
    await refusedWith(
      await staff.request('/api/v1/auth/sign-out', {
        method: 'POST',
        headers: { 'x-csrf-token': '\u00e5\u008c' },
      }),
      'headers.x-csrf-token',
    );
  });
});

describe('JSON bodies', () => {
  const signIn = (body: string | Blob) =>
    t.public.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('bytes that are not UTF-8 are a 400 saying where, never read as U+FFFD', async () => {
    const bytes = new Uint8Array([
      ...Buffer.from('{"loginId":"a'),
      0xff,
      ...Buffer.from('","password":"x"}'),
    ]);
    const issue = await refusedWith(await signIn(new Blob([bytes])), '');
    expect(issue.message).toBe('UTF-8 として読めないバイトがあります（先頭から 14 バイト目）');
    const surrogate = new Uint8Array([
      ...Buffer.from('{"loginId":"'),
      0xed,
      0xa0,
      0x80,
      ...Buffer.from('"}'),
    ]);
    await refusedWith(await signIn(new Blob([surrogate])), '');
  });

  it('U+0000 and lone surrogates in any string or key are named by path, passwords included', async () => {
    expect(
      (await refusedWith(await signIn('{"loginId":"admin","password":"a\\u0000"}'), 'password')).message,
    ).toBe('使えない制御文字（U+0000）が含まれています（2文字目）');
    await refusedWith(await signIn('{"loginId":"\\ud800","password":"x"}'), 'loginId');
    await refusedWith(await signIn('{"loginId":"a","password":"x","\\udfff":1}'), '"\\udfff"');
    await refusedWith(await signIn('{"loginId":"a","password":"x","\\u0000k":1}'), '"\\u0000k"');
  });

  it('a sheet save names the field deep in the document', async () => {
    const sheet = await (await staff.get(`/api/v1/sheets/${sheetId}`)).json();
    const goals = sheet.goals.map((g: { text: string; parentNo: number | null }) => ({
      parentNo: g.parentNo,
      text: g.text,
      initiatives: [],
      indicators: [],
    }));
    goals[0].text = '目標\ud800';
    const document = { phone: null, purpose: null, approach: null, outcome: null, goals };
    const res = await staff.send('PUT', `/api/v1/sheets/${sheetId}`, { version: sheet.version, document });
    const issue = await refusedWith(res, 'document.goals[0].text');
    expect(issue.message).toContain('対になっていないサロゲート U+D800');
  });

  it('nesting past the limit is a 400, however deep, in a body or an imported file', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const tooDeep = await signIn(`{"loginId":"a","password":"x","extra":${deep(maxJsonDepth)}}`);
    expect(tooDeep.status).toBe(400);
    const [issue] = (await tooDeep.json()).error.issues as Issue[];
    expect(issue?.path).toBe(`extra${'[0]'.repeat(maxJsonDepth - 1)}`);
    expect(issue?.message).toBe(`入れ子が深すぎます（${maxJsonDepth}段まで）`);
    // One level less is JSON like any other: judged by the schema (an unknown field).
    expect((await signIn(`{"loginId":"a","password":"x","extra":${deep(maxJsonDepth - 1)}}`)).status).toBe(
      400,
    );
    const started = performance.now();
    const res = await signIn(`{"loginId":${deep(400_000)}}`);
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(5_000);
    const file = await admin.request('/api/v1/import/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"sheets":${deep(1_000_000)}}`,
    });
    expect(file.status).toBe(400);
    expect((await file.json()).error.message).toBe(
      'ファイルの入れ子が深すぎます。交換形式のファイルを選んでください。',
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists GET /api/v1/wards and GET /api/health', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/wards'].get.responses['200'].content['application/json'].schema.type).toBe(
      'array',
    );
    expect(doc.paths['/api/health'].get.summary).toContain('データベース');
  });
});
