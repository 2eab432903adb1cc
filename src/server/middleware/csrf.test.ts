import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-users';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The value a response sets for a cookie, if it sets one. */
function setValue(res: Response, name: string): string | undefined {
  const line = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  return line?.slice(name.length + 1).split(';')[0];
}

describe('the CSRF token is rotated at sign-in and sign-out', () => {
  it('a new token at each, the old one refused afterwards, the new one accepted', async () => {
    const me = await t.request('/api/v1/auth/me');
    const first = setValue(me, 'mokuhyo_csrf') ?? '';
    expect(first).toMatch(/^[\w-]{32}$/);
    const signIn = await t.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { cookie: `mokuhyo_csrf=${first}`, 'x-csrf-token': first, 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'somu-staff', password: demoPassword }),
    });
    expect(signIn.status).toBe(200);
    const second = setValue(signIn, 'mokuhyo_csrf') ?? '';
    const session = setValue(signIn, 'mokuhyo_session') ?? '';
    expect(second).toMatch(/^[\w-]{32}$/);
    expect(second).not.toBe(first);
    expect(signIn.headers.getSetCookie().find((c) => c.startsWith('mokuhyo_csrf='))).toMatch(
      /Path=\/; SameSite=Strict/,
    );

    // The browser now holds the new cookie; a page (or attacker) still sending the old token is refused.
    const stale = await t.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: `mokuhyo_csrf=${second}; mokuhyo_session=${session}`, 'x-csrf-token': first },
    });
    expect(stale.status).toBe(403);
    const signOut = await t.request('/api/v1/auth/sign-out', {
      method: 'POST',
      headers: { cookie: `mokuhyo_csrf=${second}; mokuhyo_session=${session}`, 'x-csrf-token': second },
    });
    expect(signOut.status).toBe(200);
    const third = setValue(signOut, 'mokuhyo_csrf') ?? '';
    expect(third).toMatch(/^[\w-]{32}$/);
    expect(new Set([first, second, third]).size).toBe(3);
    // The session is gone with it.
    const after = await t.request('/api/v1/auth/me', {
      headers: { cookie: `mokuhyo_csrf=${third}; mokuhyo_session=${session}` },
    });
    expect((await after.json()).user).toBeNull();
  });

  it('a failed sign-in keeps the token (nothing changed hands)', async () => {
    const token = 'a'.repeat(32);
    const res = await t.request('/api/v1/auth/sign-in', {
      method: 'POST',
      headers: { cookie: `mokuhyo_csrf=${token}`, 'x-csrf-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ loginId: 'somu-staff', password: 'wrong-password' }),
    });
    expect(res.status).toBe(401);
    expect(setValue(res, 'mokuhyo_csrf')).toBeUndefined();
  });
});

describe('one framing policy: nobody may frame any answer', () => {
  it("pages send frame-ancestors 'none' with X-Frame-Options DENY, as the API and its docs page do", async () => {
    for (const path of ['/', '/wards/北区/2022', '/api/v1/wards', '/api/docs', '/api/no-such-thing']) {
      const res = await t.request(encodeURI(path));
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      const csp = res.headers.get('content-security-policy');
      if (csp !== null) expect(csp, path).toContain("frame-ancestors 'none'");
    }
    const page = await t.request('/');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
