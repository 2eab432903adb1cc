import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** An account of the test provider: what it says about a person. */
export interface TestAccount {
  /** What the login form asks for. */
  login: string;
  email: string;
  name: string;
  groups: string[];
}

export interface TestProvider {
  /** http://127.0.0.1:PORT — the issuer. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How many times the end_session_endpoint was asked to sign someone out. */
  logouts(): number;
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

/** The provider's pages: plain, Japanese, nothing fetched from elsewhere (its defaults load a web font). */
const page = (title: string, body: string) => `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for the tests: one
 * confidential client that must use PKCE, the scopes openid, email, profile and groups, and a
 * login form of its own rendered through the interaction API (a login id, no password: the
 * tests are about the relying party). Logins and consent are given together.
 */
export async function startTestProvider(options: {
  accounts: TestAccount[];
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): Promise<TestProvider> {
  const clientId = 'mokuhyo';
  const clientSecret = 'test-client-secret-that-is-long-enough';
  let provider: Provider | null = null;
  let handle: ReturnType<Provider['callback']> | null = null;
  let logouts = 0;
  const accounts = new Map(options.accounts.map((a) => [a.login, a]));

  const interaction = async (req: IncomingMessage, res: ServerResponse, op: Provider) => {
    const details = await op.interactionDetails(req, res);
    const send = (status: number, html: string) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    if (req.method === 'GET') {
      const form = `<form method="post" action="/interaction/${escapeHtml(details.uid)}">
<label for="login">ログインID</label> <input id="login" name="login" autocomplete="username">
<button type="submit">ログイン</button></form>`;
      send(200, page('テスト認証サーバー', form));
      return;
    }
    const account = accounts.get((await formOf(req)).get('login') ?? '');
    if (!account) {
      send(400, page('テスト認証サーバー', '<p role="alert">ログインIDが違います。</p>'));
      return;
    }
    const grant = new op.Grant({ accountId: account.login, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await op.interactionFinished(
      req,
      res,
      { login: { accountId: account.login }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  };

  const server = createServer((req, res) => {
    const op = provider;
    if (!op) {
      res.writeHead(503).end();
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res, op).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      });
      return;
    }
    if (req.url?.startsWith('/session/end/confirm') && req.method === 'POST') logouts += 1;
    handle ??= op.callback();
    void handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        token_endpoint_auth_method: 'client_secret_post',
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['mokuhyo-test-provider-cookie-key'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            'テスト認証サーバーからのログアウト',
            `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">ログアウトする</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = page('ログアウトしました', '');
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('テスト認証サーバーのエラー', `<pre>${escapeHtml(JSON.stringify(out))}</pre>`);
    },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          email: account.email,
          email_verified: true,
          name: account.name,
          groups: account.groups,
        }),
      };
    },
  };
  provider = new Provider(issuer, configuration);
  return {
    issuer,
    clientId,
    clientSecret,
    logouts: () => logouts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
