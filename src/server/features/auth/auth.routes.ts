import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { roleLabels } from '../../../domain/roles';
import { meSchema, signInSchema } from '../../../schemas/auth';
import type { AppEnv } from '../../app-env';
import { issueCsrfToken, rotateCsrfToken } from '../../middleware/csrf';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../../middleware/session';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { deleteSession } from './sessions';
import { signIn } from './sign-in';

function clientAddress(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export const authRoutes = () =>
  new Hono<AppEnv>()
    .post(
      '/sign-in',
      doc({
        summary: 'ログイン',
        description: '成功するとセッション Cookie（HttpOnly）を設定します。失敗が続くと 429。',
      }),
      validate('json', signInSchema),
      async (c) => {
        const { loginId, password } = c.req.valid('json');
        const token = await signIn(c.var.db, { loginId, password, address: clientAddress(c) });
        setSessionCookie(c, token);
        rotateCsrfToken(c);
        return c.json({ ok: true });
      },
    )
    .post('/sign-out', doc({ summary: 'ログアウト' }), async (c) => {
      const token = getCookie(c, sessionCookie);
      if (token) await deleteSession(c.var.db, token);
      clearSessionCookie(c);
      rotateCsrfToken(c);
      return c.json({ ok: true });
    })
    .get('/me', doc({ summary: 'ログイン中のユーザーと役割', response: meSchema }), (c) => {
      issueCsrfToken(c);
      const user = c.var.user;
      c.header('cache-control', 'no-store');
      if (!user) return c.json({ user: null });
      return c.json({
        user: {
          id: user.id,
          loginId: user.loginId,
          displayName: user.displayName,
          roles: user.actor.grants.map((g) => ({ ...g, label: roleLabels[g.role] })),
        },
      });
    });
