import { count, eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { municipalities } from '../../../db/schema';
import {
  type SignOnProviders,
  signOnChangeSchema,
  signOnProvidersSchema,
  signOnSettingSchema,
  signOnStartQuerySchema,
} from '../../../schemas/sign-on';
import { type SignOnSignOut, signOnSignOutSchema } from '../../../schemas/sign-on-sign-out';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { rotateCsrfToken } from '../../middleware/csrf';
import { clearSessionCookie, isHttps, sessionCookie, setSessionCookie } from '../../middleware/session';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { deleteSession } from '../auth/sessions';
import { defaultMunicipality } from '../municipalities/municipalities';
import { type SignOnEnvironment, signOnConfigOf, signOnConfigs } from './sign-on-config';
import { signOnErrorPage } from './sign-on-error-page';
import { finishSignOn, providerLogoutUrl, signOnAttemptLifetimeMs, startSignOn } from './sign-on-flow';
import { readSignOn, removeSignOn, setSignOn } from './sign-on-settings';

/** The browser's part of a sign-on under way: only the callback reads it. */
const attemptCookie = 'mokuhyo_sign_on';
const attemptCookiePath = '/api/v1/auth/sign-on/';

function clearAttemptCookie(c: Context) {
  deleteCookie(c, attemptCookie, {
    path: attemptCookiePath,
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
  });
}

/** The municipality a request names (its name or id), else the default one. */
async function municipalityNamed(c: Context<AppEnv>, name: string | undefined) {
  const db = c.get('db');
  if (!name) return defaultMunicipality(db);
  const [row] = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.name, name));
  return row ?? null;
}

/**
 * シングルサインオン (OpenID Connect), mounted at /api/v1/auth/sign-on: the sign-in page's
 * buttons, the way out to the provider and back, and a sign-out that follows the provider's.
 */
export const signOnRoutes = (env: SignOnEnvironment | null) =>
  new Hono<AppEnv>()
    .get(
      '/providers',
      doc({
        summary: 'シングルサインオンを使える自治体（ログイン画面のボタン）',
        response: signOnProvidersSchema,
      }),
      async (c) => {
        const configs = await signOnConfigs(c.get('db'), env);
        // The password form is only for a システム管理者 when no municipality's staff may use one.
        const everyOff = configs.length > 0 && configs.every((config) => !config.localPasswords);
        const onlyThese = everyOff && (await municipalityCount(c)) === configs.length;
        c.header('cache-control', 'no-store');
        return c.json({
          providers: configs.map((config) => ({
            municipality: config.municipalityName,
            providerName: config.providerName,
            startUrl: `/api/v1/auth/sign-on/start?municipality=${encodeURIComponent(config.municipalityName)}`,
          })),
          passwordSignIn: !onlyThese,
        } satisfies SignOnProviders);
      },
    )
    // The way out and back are the browser's, followed as links and redirects, not calls a
    // program makes: they answer with redirects and pages, and stay out of the API document.
    // Start: the state, nonce and PKCE verifier kept here under a token in a 10-minute HttpOnly
    // cookie, then 302 to the provider's authorization endpoint.
    .get('/start', validate('query', signOnStartQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const municipality = await municipalityNamed(c, query.municipality);
      const config = municipality ? await signOnConfigOf(c.get('db'), municipality.id, env) : null;
      if (!config) {
        throw new AppError(
          'not_found',
          `${query.municipality ? `自治体「${query.municipality}」` : 'この自治体'}ではシングルサインオンが設定されていません。`,
        );
      }
      // A provider out of reach is told on a page: the browser came here by a link.
      let started: Awaited<ReturnType<typeof startSignOn>>;
      try {
        started = await startSignOn(c.get('db'), config, query.redirect);
      } catch (error) {
        if (error instanceof AppError) return c.html(signOnErrorPage(error.message), error.status);
        throw error;
      }
      const { authorizationUrl, attemptToken } = started;
      setCookie(c, attemptCookie, attemptToken, {
        path: attemptCookiePath,
        httpOnly: true,
        // Lax: sent when the provider sends the browser back (a top-level GET).
        sameSite: 'Lax',
        secure: isHttps(c),
        maxAge: Math.floor(signOnAttemptLifetimeMs / 1000),
      });
      c.header('cache-control', 'no-store');
      return c.redirect(authorizationUrl.href, 302);
    })
    // Callback (the redirect URL): the response checked against this browser's attempt (state,
    // PKCE, the ID token's signature, issuer, audience and nonce), the user found by the claim,
    // a session opened and 302 back; a response that fails is a 400/401 page in Japanese and
    // opens no session.
    .get('/callback', async (c) => {
      const attemptToken = getCookie(c, attemptCookie);
      clearAttemptCookie(c);
      c.header('cache-control', 'no-store');
      try {
        const finished = await finishSignOn(c.get('db'), {
          attemptToken,
          query: new URL(c.req.url).searchParams,
          env,
        });
        setSessionCookie(c, finished.sessionToken);
        rotateCsrfToken(c);
        return c.redirect(finished.returnTo, 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return c.html(signOnErrorPage(error.message), error.status);
      }
    })
    .post(
      '/sign-out',
      doc({
        summary: 'ログアウト（シングルサインオンのときは認証サーバーのログアウトへ）',
        response: signOnSignOutSchema,
        description:
          'このシステムのセッションを終えます。シングルサインオンで開いたセッションで、認証サーバーにログアウトの窓口（end_session_endpoint）があれば、その URL を返します。ブラウザーはそこへ移ります。',
      }),
      async (c) => {
        const token = getCookie(c, sessionCookie);
        const db = c.get('db');
        const logoutUrl = token ? await providerLogoutUrl(db, token, env) : null;
        if (token) await deleteSession(db, token);
        clearSessionCookie(c);
        rotateCsrfToken(c);
        return c.json({ ok: true, providerLogoutUrl: logoutUrl } satisfies SignOnSignOut);
      },
    );

async function municipalityCount(c: Context<AppEnv>): Promise<number> {
  const [row] = await c.get('db').select({ n: count() }).from(municipalities);
  return row?.n ?? 0;
}

/** GET/PUT/DELETE /api/v1/sign-on: the municipality's sign-on settings (管理者). */
export const signOnSettingsRoutes = (env: SignOnEnvironment | null) =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: 'シングルサインオンの設定（クライアントシークレットは設定済みかどうかだけ）',
        response: signOnSettingSchema,
        access: '管理者',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        c.header('cache-control', 'no-store');
        return c.json(await readSignOn(c.get('db'), actor, env));
      },
    )
    .put(
      '/',
      doc({ summary: 'シングルサインオンを設定', response: signOnSettingSchema, access: '管理者' }),
      validate('json', signOnChangeSchema),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await setSignOn(c.get('db'), actor, c.req.valid('json'), env));
      },
    )
    .delete(
      '/',
      doc({
        summary: 'この自治体のシングルサインオンの設定を削除（パスワードでのログインに戻る）',
        response: signOnSettingSchema,
        access: '管理者',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await removeSignOn(c.get('db'), actor, env));
      },
    );
