import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Db } from '../../../db/client';
import { signOnAttempts, signOnSessions, users } from '../../../db/schema';
import { AppError } from '../../app-error';
import { createSession } from '../auth/sessions';
import { applyGroupMappings } from './apply-group-mappings';
import { providerConfiguration } from './provider-client';
import { type SignOnConfig, type SignOnEnvironment, signOnConfigOf } from './sign-on-config';

/** How long the browser has between leaving for the provider and coming back. */
export const signOnAttemptLifetimeMs = 10 * 60 * 1000;

/** The same hash the sessions table keys a session by (sessions.ts), and the attempts theirs. */
const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

/** A path of this site to return to; anything else (another site, `//host`) is ホーム. */
function safeReturnPath(path: string | undefined): string {
  if (!path?.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/home';
  return path === '/' ? '/home' : path;
}

/**
 * Begin a sign-on: a state, a nonce and a PKCE verifier kept in the database under the hash of
 * a random token the browser keeps in a short-lived HttpOnly cookie; returns the provider's
 * authorization URL and that token.
 */
export async function startSignOn(
  db: Db,
  config: SignOnConfig,
  returnTo: string | undefined,
): Promise<{ authorizationUrl: URL; attemptToken: string }> {
  const configuration = await providerConfiguration(config);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const attemptToken = randomBytes(32).toString('base64url');
  await db.insert(signOnAttempts).values({
    tokenHash: tokenHash(attemptToken),
    municipalityId: config.municipalityId,
    state,
    nonce,
    codeVerifier,
    returnTo: safeReturnPath(returnTo),
    expiresAt: new Date(Date.now() + signOnAttemptLifetimeMs),
  });
  // Attempts never finished are swept now and then rather than by a timer.
  await db.delete(signOnAttempts).where(lt(signOnAttempts.expiresAt, new Date()));
  const authorizationUrl = client.buildAuthorizationUrl(configuration, {
    redirect_uri: config.redirectUrl,
    scope: scopesFor(configuration, config),
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { authorizationUrl, attemptToken };
}

/** openid, email and profile; and the groups claim's name when the provider offers a scope of that name. */
function scopesFor(configuration: client.Configuration, config: SignOnConfig): string {
  const offered = configuration.serverMetadata().scopes_supported ?? [];
  const groups = config.groupsClaim && offered.includes(config.groupsClaim) ? [config.groupsClaim] : [];
  return ['openid', 'email', 'profile', ...groups].join(' ');
}

const startAgain = 'ログインの画面からもう一度お試しください。';

/** The claim as a string, or null (a number such as an employee number is read as its digits). */
function claimText(claims: Record<string, unknown>, name: string): string | null {
  const value = claims[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** The one user of the municipality the claim names, or a 403 saying why not. */
async function matchUser(db: Db, config: SignOnConfig, claims: Record<string, unknown>) {
  const value = claimText(claims, config.matchClaim);
  if (value === null) {
    throw new AppError(
      'forbidden',
      `${config.providerName}のアカウントに、照合に使う「${config.matchClaim}」の情報がありません。管理者に連携の設定を確認するよう依頼してください。`,
    );
  }
  if (config.matchField === 'email' && claims.email_verified === false && config.matchClaim === 'email') {
    throw new AppError(
      'forbidden',
      `${config.providerName}のアカウントのメールアドレスが確認済みではないため、ログインできません。`,
    );
  }
  const column =
    config.matchField === 'email' ? sql`lower(${users.email}) = lower(${value})` : eq(users.loginId, value);
  const found = await db
    .select()
    .from(users)
    .where(and(eq(users.municipalityId, config.municipalityId), column));
  const what = config.matchField === 'email' ? 'メールアドレス' : 'ログインID';
  if (found.length === 0) {
    throw new AppError(
      'forbidden',
      `${config.providerName}のアカウント（${value}）と${what}が一致するユーザーが${config.municipalityName}に登録されていません。管理者にユーザーの登録を依頼してください。`,
    );
  }
  const [user] = found;
  if (found.length > 1 || !user) {
    throw new AppError(
      'forbidden',
      `${config.providerName}のアカウント（${value}）と${what}が一致するユーザーが複数あります。管理者に確認を依頼してください。`,
    );
  }
  if (user.disabled) {
    throw new AppError('forbidden', 'このユーザーは利用を停止されています。管理者にお問い合わせください。');
  }
  return user;
}

/** What the provider says about the user: the ID token's claims, with the UserInfo endpoint's when one needed is missing. */
async function claimsOf(
  configuration: client.Configuration,
  config: SignOnConfig,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): Promise<Record<string, unknown>> {
  const idClaims = tokens.claims();
  if (!idClaims) throw new AppError('unauthenticated', `IDトークンがありません。${startAgain}`);
  const wanted = [config.matchClaim, ...(config.groupsClaim ? [config.groupsClaim] : [])];
  if (wanted.every((name) => name in idClaims) || !configuration.serverMetadata().userinfo_endpoint) {
    return idClaims;
  }
  const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
  return { ...userInfo, ...idClaims };
}

export interface FinishedSignOn {
  sessionToken: string;
  returnTo: string;
}

/**
 * Take the attempt the browser's cookie names (once: it is deleted), check the provider's
 * response against it — state, then through openid-client the code with the PKCE verifier and
 * the ID token's signature, issuer, audience and nonce —, find the user the claim names, set
 * their roles from the groups claim when the municipality maps groups, and open a session.
 * A response that does not belong to this browser's attempt is refused before the code is used.
 */
export async function finishSignOn(
  db: Db,
  input: { attemptToken: string | undefined; query: URLSearchParams; env: SignOnEnvironment | null },
): Promise<FinishedSignOn> {
  const [attempt] = input.attemptToken
    ? await db
        .delete(signOnAttempts)
        .where(eq(signOnAttempts.tokenHash, tokenHash(input.attemptToken)))
        .returning()
    : [];
  if (!attempt || attempt.expiresAt.getTime() < Date.now()) {
    throw new AppError(
      'invalid',
      `ログインの手続きが見つからないか、有効期限（10分）が過ぎています。${startAgain}`,
    );
  }
  if (input.query.get('state') !== attempt.state) {
    throw new AppError(
      'invalid',
      `認証サーバーからの応答が、このブラウザーで始めたログインの手続きと一致しません（state が異なります）。${startAgain}`,
    );
  }
  const config = await signOnConfigOf(db, attempt.municipalityId, input.env);
  if (!config) throw new AppError('invalid', 'この自治体ではシングルサインオンが設定されていません。');
  const refused = input.query.get('error');
  if (refused) {
    const description = input.query.get('error_description');
    throw new AppError(
      'unauthenticated',
      `${config.providerName}の認証サーバーがログインを認めませんでした（${refused}${description ? `：${description}` : ''}）。${startAgain}`,
    );
  }
  const configuration = await providerConfiguration(config);
  const currentUrl = new URL(config.redirectUrl);
  currentUrl.search = input.query.toString();
  const tokens = await client
    .authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: attempt.codeVerifier,
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      idTokenExpected: true,
    })
    .catch((error: unknown) => {
      console.error('sign-on: the provider response was refused:', error);
      // The library's error, or the one it wraps, names the claim that did not match.
      const said =
        error instanceof Error
          ? `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`
          : '';
      const nonce = /"nonce"/.test(said);
      throw new AppError(
        'unauthenticated',
        nonce
          ? `認証サーバーからの応答が、このログインの手続きのものではありません（nonce が一致しません）。${startAgain}`
          : `${config.providerName}の認証サーバーからの応答を確認できませんでした。${startAgain}`,
      );
    });
  const claims = await claimsOf(configuration, config, tokens);
  const user = await matchUser(db, config, claims);
  if (config.groupsClaim) await applyGroupMappings(db, config, user, claims[config.groupsClaim]);
  const sessionToken = await createSession(db, user.id);
  const idToken = tokens.id_token;
  if (idToken) {
    await db
      .insert(signOnSessions)
      .values({ sessionTokenHash: tokenHash(sessionToken), municipalityId: config.municipalityId, idToken });
  }
  return { sessionToken, returnTo: attempt.returnTo };
}

/**
 * The provider's logout for a session opened by sign-on (RP-initiated logout), or null: a
 * session of a password, or a provider without an end_session_endpoint. Call before the
 * session is deleted (its row goes with it).
 */
export async function providerLogoutUrl(
  db: Db,
  sessionToken: string,
  env: SignOnEnvironment | null,
): Promise<string | null> {
  const [row] = await db
    .select()
    .from(signOnSessions)
    .where(eq(signOnSessions.sessionTokenHash, tokenHash(sessionToken)));
  if (!row) return null;
  const config = await signOnConfigOf(db, row.municipalityId, env);
  if (!config) return null;
  const configuration = await providerConfiguration(config).catch(() => null);
  if (!configuration?.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(configuration, {
      id_token_hint: row.idToken,
      post_logout_redirect_uri: new URL('/', config.redirectUrl).href,
    })
    .toString();
}
