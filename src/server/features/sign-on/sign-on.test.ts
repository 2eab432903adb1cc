import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  organizations,
  roleGrants,
  signOnAttempts,
  signOnSettings,
  userChanges,
  users,
} from '../../../db/schema';
import { demoPassword } from '../../../db/seed/demo-users';
import type { SignOnChange, SignOnProviders, SignOnSetting } from '../../../schemas/sign-on';
import type { SignOnSignOut } from '../../../schemas/sign-on-sign-out';
import { startTestProvider, type TestProvider } from '../../testing/oidc-test-provider';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

const origin = 'http://localhost';
const redirectUrl = `${origin}/api/v1/auth/sign-on/callback`;

let t: TestApp;
let provider: TestProvider;

beforeAll(async () => {
  [t, provider] = await Promise.all([
    createTestApp(),
    startTestProvider({
      redirectUris: [redirectUrl],
      postLogoutRedirectUris: [`${origin}/`],
      accounts: [
        // 担当者 of 健康福祉課 in mokuhyo; the city's directory makes them 所属長 of 地域総務課.
        {
          login: 'fukushi',
          email: 'Fukushi-Staff@example.jp',
          name: '福祉 花子',
          groups: ['kita-somu-heads', 'all-staff'],
        },
        { login: 'stranger', email: 'nobody@example.jp', name: '未登録 太郎', groups: [] },
      ],
    }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([t?.close(), provider?.close()]);
});

const settings = (): SignOnChange => ({
  providerName: '新潟市職員',
  issuer: provider.issuer,
  clientId: provider.clientId,
  clientSecret: provider.clientSecret,
  redirectUrl,
  matchClaim: 'email',
  matchField: 'email',
  groupsClaim: 'groups',
  groupMappings: [{ group: 'kita-somu-heads', role: 'head', ward: '北区', organization: '地域総務課' }],
  localPasswords: true,
});

beforeEach(async () => {
  await t.database.db.delete(signOnSettings);
  const admin = await t.as('admin');
  expect((await admin.send('PUT', '/api/v1/sign-on', settings())).status).toBe(200);
});

/** A browser at the provider: its own cookies, redirects followed by hand until they leave it. */
async function atProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  const go = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  let url = start;
  for (let hop = 0; hop < 10; hop += 1) {
    if (!url.startsWith(provider.issuer)) return url;
    const res = await go(url);
    if (res.status === 200 && url.includes('/interaction/')) {
      const html = await res.text();
      expect(html).toContain('テスト認証サーバー');
      const posted = await go(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ login }).toString(),
      });
      url = new URL(posted.headers.get('location') ?? '', url).href;
      continue;
    }
    const next = res.headers.get('location');
    if (!next) throw new Error(`the provider answered ${res.status} at ${url}: ${await res.text()}`);
    url = new URL(next, url).href;
  }
  throw new Error('too many redirects at the provider');
}

/** Start at mokuhyo, sign in at the provider; the URL it sends the browser back to. */
async function toCallback(client: TestClient, login: string): Promise<string> {
  const started = await client.get(
    `/api/v1/auth/sign-on/start?municipality=${encodeURIComponent('新潟市')}&redirect=/home`,
  );
  expect(started.status).toBe(302);
  const authorization = new URL(started.headers.get('location') ?? '');
  expect(authorization.origin).toBe(provider.issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  const back = await atProvider(authorization.href, login);
  expect(back.startsWith(redirectUrl)).toBe(true);
  return back.slice(origin.length);
}

async function me(client: TestClient) {
  return (await (await client.get('/api/v1/auth/me')).json()) as {
    user: { loginId: string; roles: { role: string; organizationId: string | null }[] } | null;
  };
}

async function organizationId(name: string): Promise<string> {
  const [row] = await t.database.db.select().from(organizations).where(eq(organizations.name, name));
  if (!row) throw new Error(name);
  return row.id;
}

describe('シングルサインオン (OpenID Connect)', () => {
  it('signs in through the provider with PKCE; the groups claim makes the user 所属長 of 地域総務課, recorded once', async () => {
    const client = t.public;
    const providers = (await (await client.get('/api/v1/auth/sign-on/providers')).json()) as SignOnProviders;
    expect(providers.providers).toEqual([
      {
        municipality: '新潟市',
        providerName: '新潟市職員',
        startUrl: expect.stringContaining('/api/v1/auth/sign-on/start'),
      },
    ]);
    const [user] = await t.database.db.select().from(users).where(eq(users.loginId, 'fukushi-staff'));
    if (!user) throw new Error('no demo user');
    const changesBefore = await t.database.db
      .select()
      .from(userChanges)
      .where(eq(userChanges.userId, user.id));

    const back = await client.get(await toCallback(client, 'fukushi'));
    expect(back.status).toBe(302);
    expect(back.headers.get('location')).toBe('/home');
    const signedIn = await me(client);
    expect(signedIn.user?.loginId).toBe('fukushi-staff');
    expect(signedIn.user?.roles).toEqual([
      expect.objectContaining({ role: 'head', organizationId: await organizationId('地域総務課') }),
    ]);
    const changes = await t.database.db.select().from(userChanges).where(eq(userChanges.userId, user.id));
    expect(changes.length).toBe(changesBefore.length + 1);
    expect(changes.at(-1)).toMatchObject({
      action: 'updated',
      changedBy: null,
      changedByName: 'シングルサインオン（新潟市職員）',
      detail: {
        changes: [
          { field: 'roles', before: ['担当者（北区 健康福祉課）'], after: ['所属長（北区 地域総務課）'] },
        ],
      },
    });
    // The sheet of 地域総務課 opens for its 所属長.
    const list = (await (
      await client.get(`/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`)
    ).json()) as {
      sheets: { id: string; title: string }[];
    };
    const sheet = list.sheets.find((s) => s.title === '地域総務課');
    expect((await client.get(`/api/v1/sheets/${sheet?.id}`)).status).toBe(200);

    // The same groups again change nothing and record nothing.
    const again = t.from('192.0.2.10');
    expect((await again.get(await toCallback(again, 'fukushi'))).status).toBe(302);
    expect(
      await t.database.db.select().from(userChanges).where(eq(userChanges.userId, user.id)),
    ).toHaveLength(changes.length);

    // Sign-out ends the session here and hands over the provider's logout.
    const out = await client.send('POST', '/api/v1/auth/sign-on/sign-out');
    const { providerLogoutUrl } = (await out.json()) as SignOnSignOut;
    expect((await me(client)).user).toBeNull();
    const logout = new URL(providerLogoutUrl ?? '');
    expect(logout.origin).toBe(provider.issuer);
    expect(logout.searchParams.get('id_token_hint')).toBeTruthy();
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${origin}/`);
    const confirm = await fetch(logout, { redirect: 'manual' });
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
    const hidden = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const done = await fetch(new URL(action, provider.issuer), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: confirm.headers
          .getSetCookie()
          .map((line) => line.split(';')[0])
          .join('; '),
      },
      body: new URLSearchParams({ ...hidden, logout: 'yes' }).toString(),
      redirect: 'manual',
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${origin}/`);
    expect(provider.logouts()).toBe(1);

    // A password session has no provider to leave.
    const password = await t.as('somu-head');
    const plain = (await (
      await password.send('POST', '/api/v1/auth/sign-on/sign-out')
    ).json()) as SignOnSignOut;
    expect(plain.providerLogoutUrl).toBeNull();
    await t.database.db.delete(roleGrants).where(eq(roleGrants.userId, user.id));
    await t.database.db
      .insert(roleGrants)
      .values({ userId: user.id, role: 'editor', organizationId: await organizationId('健康福祉課') });
  }, 60_000);

  it('opens a session through sign-on even for a user holding a temporary password, which still binds password sign-in', async () => {
    const { db } = t.database;
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.loginId, 'fukushi-staff'));
    try {
      const client = t.from('192.0.2.77');
      await client.get('/api/v1/auth/me');
      const back = await client.get(await toCallback(client, 'fukushi'));
      expect(back.status).toBe(302);
      expect((await client.get('/api/v1/home')).status).toBe(200);
      const passwordClient = await t.as('fukushi-staff', { address: '192.0.2.78' });
      const refused = await passwordClient.get('/api/v1/home');
      expect(refused.status).toBe(403);
      expect(await refused.text()).toContain('password_change_required');
    } finally {
      await db.update(users).set({ mustChangePassword: false }).where(eq(users.loginId, 'fukushi-staff'));
    }
  });

  it('refuses a response whose state is not the browser’s (400, no session, the code never used)', async () => {
    const client = t.from('192.0.2.20');
    const back = new URL(await toCallback(client, 'fukushi'), origin);
    back.searchParams.set('state', 'forged-state');
    const res = await client.get(back.pathname + back.search);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('state が異なります');
    expect((await me(client)).user).toBeNull();
    // The attempt is gone: the genuine response cannot be replayed afterwards either.
    back.searchParams.delete('state');
    expect((await client.get(back.pathname + back.search)).status).toBe(400);
  }, 60_000);

  it('refuses an ID token whose nonce is not the attempt’s (401, no session)', async () => {
    const client = t.from('192.0.2.30');
    const back = await toCallback(client, 'fukushi');
    await t.database.db.update(signOnAttempts).set({ nonce: 'another-nonce' });
    const res = await client.get(back);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('nonce が一致しません');
    expect((await me(client)).user).toBeNull();
  }, 60_000);

  it('refuses an account no user matches (403, in Japanese)', async () => {
    const client = t.from('192.0.2.40');
    const res = await client.get(await toCallback(client, 'stranger'));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('nobody@example.jp');
    expect((await me(client)).user).toBeNull();
  }, 60_000);

  it('says on a page when the provider cannot be reached (503), and opens nothing', async () => {
    const admin = await t.as('admin');
    const unreachable = { ...settings(), issuer: 'http://127.0.0.1:9' };
    expect((await admin.send('PUT', '/api/v1/sign-on', unreachable)).status).toBe(200);
    const res = await t.public.get('/api/v1/auth/sign-on/start');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('新潟市職員の認証サーバーに接続できませんでした');
  }, 60_000);

  it('with local passwords off refuses their password to the staff but not to a システム管理者', async () => {
    const admin = await t.as('admin');
    expect(
      (await admin.send('PUT', '/api/v1/sign-on', { ...settings(), localPasswords: false })).status,
    ).toBe(200);
    const providers = (await (
      await t.public.get('/api/v1/auth/sign-on/providers')
    ).json()) as SignOnProviders;
    expect(providers.passwordSignIn).toBe(false);
    const staff = t.from('192.0.2.50');
    await staff.get('/api/v1/auth/me');
    const refused = await staff.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'somu-head',
      password: demoPassword,
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toContain(
      'パスワードでのログインは使えません',
    );
    await t.as('system', { address: '192.0.2.51' });
  }, 60_000);
});

describe('the settings of シングルサインオン', () => {
  it('are the 管理者’s: the secret is never returned, wrong values are refused in Japanese', async () => {
    const admin = await t.as('admin');
    const read = (await (await admin.get('/api/v1/sign-on')).json()) as SignOnSetting;
    expect(read).toMatchObject({
      source: 'municipality',
      clientSecretSet: true,
      groupMappings: [{ group: 'kita-somu-heads', role: 'head', ward: '北区', organization: '地域総務課' }],
    });
    expect(JSON.stringify(read)).not.toContain(provider.clientSecret);
    // Left out, the secret is kept.
    const { clientSecret: _left, ...withoutSecret } = settings();
    const kept = (await (await admin.send('PUT', '/api/v1/sign-on', withoutSecret)).json()) as SignOnSetting;
    expect(kept.clientSecretSet).toBe(true);

    const bad = await admin.send('PUT', '/api/v1/sign-on', {
      ...settings(),
      issuer: 'http://idp.example.jp',
      groupMappings: [{ group: 'x', role: 'head', ward: '北区', organization: '存在しない課' }],
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues).toContainEqual({
      path: 'issuer',
      message: '発行者（Issuer）の URLは https:// で始まるアドレスで入力してください',
    });
    const unknown = await admin.send('PUT', '/api/v1/sign-on', {
      ...settings(),
      groupMappings: [{ group: 'x', role: 'head', ward: '北区', organization: '存在しない課' }],
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('存在しない課');
    expect((await (await t.as('somu-head')).get('/api/v1/sign-on')).status).toBe(403);
  }, 60_000);
});

describe('シングルサインオン from the environment', () => {
  it('applies to the default municipality while it has no settings of its own', async () => {
    const env = await createTestApp({
      app: {
        signOn: {
          providerName: '統合認証',
          issuer: provider.issuer,
          clientId: provider.clientId,
          clientSecret: provider.clientSecret,
          redirectUrl,
          matchClaim: 'email',
          matchField: 'email',
        },
      },
    });
    try {
      const providers = (await (
        await env.public.get('/api/v1/auth/sign-on/providers')
      ).json()) as SignOnProviders;
      expect(providers).toMatchObject({
        providers: [{ municipality: '新潟市', providerName: '統合認証' }],
        passwordSignIn: true,
      });
      const read = (await (await (await env.as('admin')).get('/api/v1/sign-on')).json()) as SignOnSetting;
      expect(read).toMatchObject({ source: 'environment', clientSecretSet: true, issuer: provider.issuer });
      const client = env.public;
      const started = await client.get('/api/v1/auth/sign-on/start');
      const back = await atProvider(started.headers.get('location') ?? '', 'fukushi');
      expect((await client.get(back.slice(origin.length))).status).toBe(302);
      // No groups claim configured: the roles stay those assigned in mokuhyo.
      expect((await me(client)).user).toMatchObject({
        loginId: 'fukushi-staff',
        roles: [{ role: 'editor' }],
      });
    } finally {
      await env.close();
    }
  }, 120_000);
});
