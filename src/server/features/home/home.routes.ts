import { Hono } from 'hono';
import { type Home, homeSchema } from '../../../schemas/home';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { todayInJapan } from '../../clock';
import { doc } from '../../openapi/doc';
import { loadHome } from './load-home';

export const homeRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({
      summary: 'ホーム（自分の組織のシートと期限・差戻し、自分の判断を待つもの、担当する部区の進捗）',
      response: homeSchema,
      access: 'ログインしている職員（内容は持っている役割で決まります）',
    }),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated', 'ホームを表示するにはログインしてください。');
      return c.json((await loadHome(c.get('db'), actor, todayInJapan())) satisfies Home);
    },
  );
