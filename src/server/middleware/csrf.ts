import { randomBytes, timingSafeEqual } from 'node:crypto';
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
 * Double-submit protection for every state-changing request: the page reads a random token
 * from a cookie only our origin can read and sends it back in a header, which a page on
 * another site cannot do. A cross-site Origin header is refused outright.
 */
export const csrf = createMiddleware<AppEnv>(async (c, next) => {
  let token = getCookie(c, csrfCookie);
  if (!token) {
    token = randomBytes(24).toString('base64url');
    setCookie(c, csrfCookie, token, { path: '/', sameSite: 'Strict', secure: isHttps(c), httpOnly: false });
  }
  if (!safeMethods.has(c.req.method)) {
    const origin = c.req.header('origin');
    if (origin && origin !== new URL(c.req.url).origin) throw refused();
    const sent = c.req.header(csrfHeader) ?? '';
    const a = Buffer.from(sent);
    const b = Buffer.from(token);
    if (a.length !== b.length || !timingSafeEqual(a, b)) throw refused();
  }
  await next();
});
