import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { AppError } from '../app-error';

/** What a user holding a temporary password may still call: who am I, the change itself, sign out or in. */
const open = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/sign-out',
  // The web's ログアウト, which also ends a sign-on at its provider.
  'POST /api/v1/auth/sign-on/sign-out',
  'POST /api/v1/auth/sign-in',
  'GET /api/health',
]);

/**
 * A user signed in with a temporary password (仮パスワード) must choose their own before
 * anything else: every other call answers 403 `password_change_required`, which the web answers
 * by opening /account/password.
 */
export const requirePasswordChange = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('user')?.mustChangePassword && !open.has(`${c.req.method} ${c.req.path}`)) {
    throw new AppError(
      'password_change_required',
      '仮パスワードでログインしています。ほかの操作の前に、パスワードを変更してください。',
    );
  }
  await next();
});
