import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meSchema } from '../../../schemas/auth';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { hashPassword, verifyPassword } from './password';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', async () => {
    const a = await hashPassword('正しいパスワード123');
    const b = await hashPassword('正しいパスワード123');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('正しいパスワード123', a)).toBe(true);
    expect(await verifyPassword('正しいパスワード124', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('sign-in and sessions', () => {
  it('signs in with an HttpOnly SameSite session cookie, knows the user, and signs out', async () => {
    const client = await t.as('somu-staff');
    const me = meSchema.parse(await (await client.get('/api/v1/auth/me')).json());
    expect(me.user).toMatchObject({ loginId: 'somu-staff', roles: [{ role: 'editor', label: '担当者' }] });

    const browser = t.public;
    await browser.get('/api/v1/auth/me');
    const res = await browser.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'somu-head',
      password: 'mokuhyo-demo',
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('mokuhyo_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);

    expect((await client.send('POST', '/api/v1/auth/sign-out')).status).toBe(200);
    expect(meSchema.parse(await (await client.get('/api/v1/auth/me')).json()).user).toBeNull();
    await browser.send('POST', '/api/v1/auth/sign-out');
  });

  it('keeps only a hash of the session token in the database', async () => {
    await t.as('viewer');
    const result = (await t.database.db.execute(sql`select token_hash from sessions`)) as unknown as {
      rows: { token_hash: string }[];
    };
    const hashes = result.rows;
    expect(hashes.length).toBeGreaterThan(0);
    for (const row of hashes) expect(row.token_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('answers a wrong password and an unknown user alike, in Japanese', async () => {
    const browser = t.public;
    await browser.get('/api/v1/auth/me');
    const wrong = await browser.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'viewer',
      password: 'nope-nope',
    });
    const unknown = await browser.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'nobody',
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    const empty = await browser.send('POST', '/api/v1/auth/sign-in', { loginId: '', password: '' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'loginId',
      'password',
    ]);
  });

  it('slows guessing at one address (429 with Retry-After) and locks nobody out elsewhere', async () => {
    const browser = t.from('203.0.113.40');
    await browser.get('/api/v1/auth/me');
    for (let i = 0; i < 4; i++) {
      const res = await browser.send('POST', '/api/v1/auth/sign-in', {
        loginId: 'fukushi-head',
        password: `guess-${i}`,
      });
      expect(res.status).toBe(401);
    }
    const res = await browser.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'fukushi-head',
      password: 'mokuhyo-demo',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error.message).toMatch(
      /少し時間をおいてください。.*を過ぎたら、もう一度ログインできます。/,
    );

    const elsewhere = t.from('203.0.113.41');
    await elsewhere.get('/api/v1/auth/me');
    const other = await elsewhere.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'fukushi-head',
      password: 'mokuhyo-demo',
    });
    expect(other.status).toBe(200);
  });

  it('refuses a sign-in without the CSRF token (login CSRF)', async () => {
    const res = await t.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'admin', password: 'mokuhyo-demo' }),
    });
    expect(res.status).toBe(403);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline script, and no-sniff / frame protections', async () => {
    const res = await t.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const api = await t.request('/api/health');
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
    expect(api.headers.get('set-cookie')).toBeNull();
  });
});

describe('history', () => {
  it('cannot be changed or deleted, even by SQL', async () => {
    const refusal = (query: Promise<unknown>) =>
      query.then(
        () => 'allowed',
        (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
      );
    // The app's role has no right to (src/db/app-role.test.ts); the trigger stops the owner.
    expect(await refusal(t.database.db.execute(sql`update sheet_history set comment = 'x'`))).toMatch(
      /permission denied/,
    );
    expect(await refusal(t.database.db.execute(sql`delete from sheet_history`))).toMatch(/permission denied/);
  });
});
