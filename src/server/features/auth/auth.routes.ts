import { eq } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { municipalities } from '../../../db/schema';
import { roleLabels } from '../../../domain/roles';
import {
  type Me,
  meSchema,
  type SignedInOrOut,
  signedInOrOutSchema,
  signInSchema,
} from '../../../schemas/auth';
import { passwordChangeSchema } from '../../../schemas/users';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { clientAddress, type TrustedProxies } from '../../client-address';
import { issueCsrfToken, rotateCsrfToken } from '../../middleware/csrf';
import { clearSessionCookie, sessionCookie, setSessionCookie } from '../../middleware/session';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { unreadCount } from '../notifications/notifications';
import { changeOwnPassword } from '../users/change-own-password';
import { deleteSession } from './sessions';
import { type SignInOptions, signIn } from './sign-in';

export interface AuthRoutesOptions {
  signIn: SignInOptions;
  trustedProxies: TrustedProxies | null;
}

/** A 429 of the sign-in throttle passes on with its Retry-After header. */
function passRetryAfter(c: Context) {
  return (error: unknown): never => {
    if (error instanceof AppError && error.code === 'rate_limited') {
      const details = error.details;
      if (typeof details === 'object' && details !== null && 'retryAfterSeconds' in details) {
        c.header('retry-after', String(details.retryAfterSeconds));
      }
    }
    throw error;
  };
}

export const authRoutes = (options: AuthRoutesOptions) =>
  new Hono<AppEnv>()
    .post(
      '/sign-in',
      doc({
        summary: 'ログイン',
        response: signedInOrOutSchema,
        description:
          '成功するとセッション Cookie（HttpOnly）を設定します。同じログインIDで同じ接続元からの失敗が続くと、次に試せるまで 429（Retry-After 付き）。ほかの接続元からの正しいパスワードは、少し待たせることはあっても拒みません。',
      }),
      validate('json', signInSchema),
      async (c) => {
        const { loginId, password } = c.req.valid('json');
        const address = clientAddress(c, options.trustedProxies);
        const token = await signIn(c.get('db'), { loginId, password, address }, options.signIn).catch(
          passRetryAfter(c),
        );
        setSessionCookie(c, token);
        rotateCsrfToken(c);
        return c.json({ ok: true } satisfies SignedInOrOut);
      },
    )
    .post('/sign-out', doc({ summary: 'ログアウト', response: signedInOrOutSchema }), async (c) => {
      const token = getCookie(c, sessionCookie);
      if (token) await deleteSession(c.get('db'), token);
      clearSessionCookie(c);
      rotateCsrfToken(c);
      return c.json({ ok: true } satisfies SignedInOrOut);
    })
    .post(
      '/password',
      doc({
        summary: '自分のパスワードを変更',
        description:
          '今のパスワードと新しいパスワード（12文字以上、よく使われるものやログインIDを含むものは不可）。仮パスワードでログインしたときの変更もこれです。ほかのブラウザのセッションは終了します。変更は記録に残ります（パスワードは残しません）。',
        response: signedInOrOutSchema,
      }),
      validate('json', passwordChangeSchema),
      async (c) => {
        const { user } = signedIn(c);
        await changeOwnPassword(
          c.get('db'),
          {
            user,
            change: c.req.valid('json'),
            sessionToken: getCookie(c, sessionCookie),
            address: clientAddress(c, options.trustedProxies),
          },
          options.signIn,
        ).catch(passRetryAfter(c));
        return c.json({ ok: true } satisfies SignedInOrOut);
      },
    )
    .get(
      '/me',
      doc({ summary: 'ログイン中のユーザーと役割、未読の通知の数', response: meSchema }),
      async (c) => {
        issueCsrfToken(c);
        const user = c.get('user');
        c.header('cache-control', 'no-store');
        if (!user) return c.json({ user: null } satisfies Me);
        const db = c.get('db');
        const [municipality] = await db
          .select({ name: municipalities.name })
          .from(municipalities)
          .where(eq(municipalities.id, user.actor.municipalityId));
        return c.json({
          user: {
            id: user.id,
            loginId: user.loginId,
            displayName: user.displayName,
            municipality: municipality?.name ?? '',
            systemAdmin: user.actor.systemAdmin === true,
            mustChangePassword: user.mustChangePassword,
            roles: user.actor.grants.map((g) => ({ ...g, label: roleLabels[g.role] })),
            unreadNotifications: await unreadCount(db, user.id),
          },
        } satisfies Me);
      },
    );
