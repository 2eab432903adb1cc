import { Hono } from 'hono';
import { type DeadlinesSet, deadlinesSetSchema, setDeadlinesSchema } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { setDeadlines } from './set-deadlines';

export const deadlinesRoutes = () =>
  new Hono<AppEnv>().put(
    '/',
    doc({ summary: '作成・修正・評価の期限を設定', access: '企画担当', response: deadlinesSetSchema }),
    validate('json', setDeadlinesSchema),
    async (c) => {
      const { actor } = signedIn(c);
      const deadlines = await setDeadlines(c.get('db'), { actor, ...c.req.valid('json') });
      return c.json({ deadlines } satisfies DeadlinesSet);
    },
  );
