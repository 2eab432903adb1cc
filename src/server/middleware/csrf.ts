import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../app-error';
import { isHttps } from './session';

export const csrfCookie = 'mokuhyo_csrf';
export const csrfHeader = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const refused = () =>
  new AppError(
    'forbidden',
    '安全のため操作を受け付けませんでした。画面を再読み込みしてから、もう一度お試しください。',
  );

/**
 * Give the browser its CSRF token (a cookie only pages of our origin can read) if it has none.
 * Called where the web app starts (the HTML page, /api/v1/auth/me), not on every read, so
 * public JSON stays free of Set-Cookie and cheap to serve.
 */
export function issueCsrfToken(c: Context): void {
  if (getCookie(c, csrfCookie)) return;
  rotateCsrfToken(c);
}

/**
 * A new token, whatever the browser held: at sign-in and sign-out, so a token someone learned
 * or planted before (a shared PC, a cookie set by a neighbouring subdomain) is worthless for
 * the new session. The web app reads the cookie afresh for every request.
 */
export function rotateCsrfToken(c: Context): void {
  setCookie(c, csrfCookie, randomBytes(24).toString('base64url'), {
    path: '/',
    sameSite: 'Strict',
    secure: isHttps(c),
    httpOnly: false,
  });
}

/**
 * Double-submit protection for every state-changing request: the page reads the token from
 * the cookie and sends it back in a header, which a page on another site cannot do. A
 * cross-site Origin header is refused outright.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  if (!safeMethods.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) throw refused();
    const a = Buffer.from(c.req.header(csrfHeader) ?? '');
    const b = Buffer.from(getCookie(c, csrfCookie) ?? '');
    if (b.length === 0 || a.length !== b.length || !timingSafeEqual(a, b)) throw refused();
  }
  await next();
});
