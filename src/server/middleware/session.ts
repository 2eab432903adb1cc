import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { resolveSession, sessionLifetimeMs } from '../features/auth/sessions';

export const sessionCookie = 'mokuhyo_session';

/** Cookies are Secure whenever the browser reached us over HTTPS (directly or via a proxy). */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Put the signed-in user (or null) on the request. A request without the cookie costs no query. */
export const session = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, sessionCookie);
  const user = token ? await resolveSession(c.get('db'), token) : null;
  if (token && !user) deleteCookie(c, sessionCookie, { path: '/' });
  c.set('user', user);
  c.set('actor', user?.actor ?? null);
  await next();
});

export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, sessionCookie, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: Math.floor(sessionLifetimeMs / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookie, { path: '/', httpOnly: true, sameSite: 'Lax', secure: isHttps(c) });
}
