import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalities } from '../../../db/schema';
import { demoPassword } from '../../../db/seed/demo-users';
import { defaultSignInThrottle, loginAddressDelayMs } from '../../../domain/sign-in-throttle';
import { signInThrottlesSchema } from '../../../schemas/sign-in-throttles';
import { testPasswordCost } from '../../testing/password-cost';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { type TestClock, testClock } from '../../testing/test-clock';
import { createUser } from '../users/create-user';
import { hashPassword } from './password';

/**
 * The sign-in journeys of issue 9 over HTTP, with the default throttle and a clock the test
 * moves (no real waits). The users' hashes are made with a cheap scrypt cost, so a hundred
 * wrong passwords cost milliseconds each instead of 100–300 ms; the check itself is the real one.
 */

let t: TestApp;
let clock: TestClock;
const params = defaultSignInThrottle;
const rightPassword = demoPassword;
const attackers = Array.from({ length: 25 }, (_, i) => `spray-${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  clock = testClock();
  t = await createTestApp({ withSample: false, app: { signIn: { clock } } });
  const { db } = t.database;
  await db.insert(municipalities).values([{ name: '新潟市' }, { name: '長岡市' }]);
  const passwordHash = await hashPassword(rightPassword, testPasswordCost);
  const user = (loginId: string, displayName: string, role: 'admin' | 'viewer', municipality = '新潟市') =>
    createUser(db, {
      municipality,
      loginId,
      displayName,
      password: rightPassword,
      passwordHash,
      grants: [{ role }],
    });
  await user('kanri', '管理者 新潟', 'admin');
  await user('nagaoka-kanri', '管理者 長岡', 'admin', '長岡市');
  await user('nagaoka-staff', '職員 長岡', 'viewer', '長岡市');
  for (const loginId of ['etsuran', 'tanaka', 'suzuki', 'sato', 'somu', 'fukushi', ...attackers]) {
    await user(loginId, loginId, 'viewer');
  }
});
afterAll(async () => {
  await t.close();
});

/** A browser at an address that has its CSRF cookie. */
async function browserAt(address: string): Promise<TestClient> {
  const browser = t.from(address);
  await browser.get('/api/v1/auth/me');
  return browser;
}

const attempt = (browser: TestClient, loginId: string, password: string) =>
  browser.send('POST', '/api/v1/auth/sign-in', { loginId, password });

describe('throttling that slows guessing and locks nobody out', () => {
  it('answers 429 with a growing Retry-After for one login id from one address, and a success clears it', async () => {
    const browser = await browserAt('203.0.113.77');
    for (let i = 0; i < params.loginAddress.free + 1; i++) {
      expect((await attempt(browser, 'sato', `wrong-${i}`)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attempt(browser, 'sato', `wrong-again-${round}`);
      expect(refused.status).toBe(429);
      const seconds = Number(refused.headers.get('retry-after'));
      const body = await refused.json();
      expect(body.error.code).toBe('rate_limited');
      expect(body.error.message).toMatch(
        /少し時間をおいてください。\d+時\d\d分\d\d秒（あと\d+秒）を過ぎたら/,
      );
      expect(body.error.details.retryAfterSeconds).toBe(seconds);
      waits.push(seconds);
      // The right password is refused too while the wait lasts: nothing is checked.
      expect((await attempt(browser, 'sato', rightPassword)).status).toBe(429);
      clock.advance(seconds * 1000);
      expect((await attempt(browser, 'sato', `wrong-after-${round}`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);

    // Another address with the right password is not held by this one's failures.
    expect((await attempt(await browserAt('203.0.113.78'), 'sato', rightPassword)).status).toBe(200);

    // After the wait the right password gets in, and the failures of this address are forgotten.
    const last = await attempt(browser, 'sato', rightPassword);
    expect(last.status).toBe(429);
    clock.advance(Number(last.headers.get('retry-after')) * 1000);
    expect((await attempt(browser, 'sato', rightPassword)).status).toBe(200);
    expect((await attempt(browser, 'sato', 'wrong-once-more')).status).toBe(401);
    expect((await attempt(browser, 'sato', 'wrong-twice-more')).status).toBe(401);
  });

  it('caps the wait at a few minutes however long the guessing goes on', async () => {
    const browser = await browserAt('203.0.113.5');
    let waited = 0;
    for (let i = 0; i < 100; i++) {
      expect((await attempt(browser, 'suzuki', `guess-${i}`)).status).toBe(401);
      // Guesses as fast as allowed: waits exactly the wait the failures so far call for.
      waited = loginAddressDelayMs(Math.min(i + 1, 40), params);
      if (i < 99) clock.advance(waited);
    }
    expect(waited).toBe(params.loginAddress.maxDelayMs);
    const refused = await attempt(browser, 'suzuki', rightPassword);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(params.loginAddress.maxDelayMs / 1000);
    expect((await refused.json()).error.message).toContain('（あと約5分）');
  });

  it('lets the right password in from another address after 100 failures from one address (200)', async () => {
    expect((await attempt(await browserAt('192.0.2.10'), 'suzuki', rightPassword)).status).toBe(200);
  });

  it('lets the right password in from another address after 100 failures from 100 addresses, slowed a little (200)', async () => {
    for (let i = 0; i < 100; i++) {
      const browser = await browserAt(`10.1.${Math.floor(i / 50)}.${i % 50}`);
      expect((await attempt(browser, 'tanaka', `guess-${i}`)).status).toBe(401);
    }
    clock.sleeps.length = 0;
    expect((await attempt(await browserAt('192.0.2.20'), 'tanaka', rightPassword)).status).toBe(200);
    // Checked after a short wait on the server, never refused.
    expect(clock.sleeps).toEqual([params.login.maxDelayMs]);
    expect(params.login.maxDelayMs).toBeLessThanOrEqual(2000);
  });

  it('lets another user in from an address after 100 failures of others there (200)', async () => {
    const office = '198.51.100.7';
    for (const loginId of attackers) {
      const browser = await browserAt(office);
      for (let i = 0; i < 4; i++) expect((await attempt(browser, loginId, `guess-${i}`)).status).toBe(401);
    }
    // The last of them goes on and must wait: the 429 is for that login id at that address only.
    expect((await attempt(await browserAt(office), 'spray-24', 'guess-more')).status).toBe(429);

    clock.sleeps.length = 0;
    const colleague = await t.as('somu', { address: office });
    expect((await colleague.get('/api/v1/auth/me')).status).toBe(200);
    // 25 login ids failed there: everyone there waits a little before the check, capped.
    const expected = Math.min(
      (attackers.length - params.address.freeLogins + 1) * params.address.stepMs,
      params.address.maxDelayMs,
    );
    expect(clock.sleeps).toEqual([expected]);
    expect(expected).toBeGreaterThan(0);
    expect((await attempt(await browserAt(office), 'fukushi', rightPassword)).status).toBe(200);
  });
});

describe('the 管理者 sees and clears throttled logins', () => {
  it('lists login ids slowed at an address, login ids failing everywhere and addresses spraying', async () => {
    const admin = await t.as('kanri', { address: '127.0.0.9' });
    const typist = await browserAt('203.0.113.99');
    for (let i = 0; i <= params.loginAddress.free; i++) await attempt(typist, 'sato', `typo-${i}`);
    const res = await admin.get('/api/v1/sign-in-throttles');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const list = signInThrottlesSchema.parse(await res.json());
    const now = clock.now().getTime();

    const suzuki = list.loginAddresses.find((r) => r.loginId === 'suzuki' && r.address === '203.0.113.5');
    expect(suzuki).toMatchObject({ knownLogin: true });
    expect(suzuki?.failures).toBeGreaterThan(params.loginAddress.free);
    expect(Date.parse(suzuki?.lastFailureAt ?? '')).toBeLessThanOrEqual(now);
    const spray = list.loginAddresses.find((r) => r.loginId === 'spray-00' && r.address === '198.51.100.7');
    expect(spray).toMatchObject({ failures: 4, knownLogin: true });
    const sato = list.loginAddresses.find((r) => r.loginId === 'sato' && r.address === '203.0.113.99');
    expect(sato).toMatchObject({ failures: params.loginAddress.free + 1, knownLogin: true });
    expect(Date.parse(sato?.retryAt ?? '')).toBe(now + params.loginAddress.firstDelayMs);

    const tanaka = list.logins.find((r) => r.loginId === 'tanaka');
    expect(tanaka).toMatchObject({ failures: 100, addresses: 100, knownLogin: true, delaySeconds: 2 });
    expect(Date.parse(tanaka?.until ?? '')).toBeGreaterThan(now);

    const office = list.addresses.find((r) => r.address === '198.51.100.7');
    expect(office).toMatchObject({ logins: attackers.length, failures: 100 });
    expect(office?.delaySeconds).toBeGreaterThan(0);

    // One person's few typos are no throttle and are not listed (sato's first address was cleared by the success).
    expect(list.loginAddresses.some((r) => r.address === '203.0.113.77')).toBe(false);
  });

  it('answers 403 to everyone else and 401 to the public', async () => {
    for (const loginId of ['etsuran', 'nagaoka-staff']) {
      const user = await t.as(loginId, { address: '127.0.0.10' });
      expect((await user.get('/api/v1/sign-in-throttles')).status).toBe(403);
      const clear = await user.send('POST', '/api/v1/sign-in-throttles/clear', { loginId: 'suzuki' });
      expect(clear.status).toBe(403);
    }
    expect((await (await browserAt('127.0.0.11')).get('/api/v1/sign-in-throttles')).status).toBe(401);
  });

  it('clears a login id at an address, records who and when, and refuses an empty clearing', async () => {
    const admin = await t.as('kanri', { address: '127.0.0.9' });
    const cleared = await admin.send('POST', '/api/v1/sign-in-throttles/clear', {
      loginId: 'spray-00',
      address: '198.51.100.7',
    });
    expect(cleared.status).toBe(200);
    const body = await cleared.json();
    expect(body.cleared).toBe(4);
    expect(body.throttles.clearings[0]).toMatchObject({
      loginId: 'spray-00',
      address: '198.51.100.7',
      failures: 4,
      clearedBy: '管理者 新潟',
      clearedAt: clock.now().toISOString(),
    });
    expect((await attempt(await browserAt('198.51.100.7'), 'spray-00', 'guess-again')).status).toBe(401);

    const again = await admin.send('POST', '/api/v1/sign-in-throttles/clear', { loginId: 'nobody-here' });
    expect(again.status).toBe(404);
    const none = await admin.send('POST', '/api/v1/sign-in-throttles/clear', {});
    expect(none.status).toBe(400);
    expect((await none.json()).error.issues[0].path).toBe('loginId');
  });
});

describe('one municipality’s 管理者', () => {
  it('sees only the login ids of their municipality (and ids nobody has)', async () => {
    const browser = await browserAt('203.0.113.200');
    for (let i = 0; i <= params.loginAddress.free; i++) {
      await attempt(browser, 'nagaoka-staff', `typo-${i}`);
      await attempt(browser, 'no-such-user', `typo-${i}`);
    }
    const niigata = signInThrottlesSchema.parse(
      await (await (await t.as('kanri', { address: '127.0.0.9' })).get('/api/v1/sign-in-throttles')).json(),
    );
    const nagaoka = signInThrottlesSchema.parse(
      await (
        await (await t.as('nagaoka-kanri', { address: '127.0.0.9' })).get('/api/v1/sign-in-throttles')
      ).json(),
    );
    const ids = (list: typeof niigata) => list.loginAddresses.map((r) => r.loginId);
    expect(ids(niigata)).not.toContain('nagaoka-staff');
    expect(ids(niigata)).toContain('no-such-user');
    expect(niigata.loginAddresses.find((r) => r.loginId === 'no-such-user')?.knownLogin).toBe(false);
    expect(ids(nagaoka)).toContain('nagaoka-staff');
    expect(ids(nagaoka)).not.toContain('suzuki');
    // Nor clears them.
    const kanri = await t.as('kanri', { address: '127.0.0.9' });
    expect(
      (await kanri.send('POST', '/api/v1/sign-in-throttles/clear', { loginId: 'nagaoka-staff' })).status,
    ).toBe(404);
  });
});
