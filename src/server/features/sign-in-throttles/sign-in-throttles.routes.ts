import { Hono } from 'hono';
import type { SignInThrottleParams } from '../../../domain/sign-in-throttle';
import {
  clearedSignInThrottleSchema,
  clearSignInThrottleSchema,
  signInThrottlesSchema,
} from '../../../schemas/sign-in-throttles';
import type { AppEnv } from '../../app-env';
import type { Clock } from '../../clock';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { clearSignInThrottle } from './clear-sign-in-throttle';
import { listSignInThrottles } from './list-sign-in-throttles';

/** The sign-in throttles the 管理者 watches and may clear. */
export const signInThrottlesRoutes = ({
  clock,
  throttle,
}: {
  clock: Clock;
  throttle: SignInThrottleParams;
}) =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: 'ログインの制限（失敗が続いているログインID・接続元）',
        description:
          '同じ接続元からの失敗で待たされているログインID、多くの接続元から失敗しているログインID、多くのログインIDで失敗している接続元と、最近の解除の記録。',
        response: signInThrottlesSchema,
        access: '管理者',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        c.header('cache-control', 'no-store');
        return c.json(await listSignInThrottles(c.get('db'), actor, { now: clock.now(), params: throttle }));
      },
    )
    .post(
      '/clear',
      doc({
        summary: 'ログインの制限を解除',
        description:
          'ログインID・接続元・その両方の失敗の記録を消します。だれがいつ何件解除したかを記録します。記録がなければ 404。',
        response: clearedSignInThrottleSchema,
        access: '管理者',
      }),
      validate('json', clearSignInThrottleSchema),
      async (c) => {
        const { actor, user } = signedIn(c);
        const now = clock.now();
        const by = { id: user.id, name: user.displayName };
        const cleared = await clearSignInThrottle(c.get('db'), {
          actor,
          by,
          now,
          target: c.req.valid('json'),
        });
        const throttles = await listSignInThrottles(c.get('db'), actor, { now, params: throttle });
        return c.json({ cleared, throttles });
      },
    );
