import { Hono } from 'hono';
import { deadlinesSchema } from '../../../schemas/sheet';
import { municipalityName, wardName } from '../../../schemas/text';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { setDeadlines } from './set-deadlines';

const setDeadlinesSchema = z.strictObject({
  ward: wardName,
  municipality: municipalityName,
  fiscalYear: z.number('年度を数値で指定してください').int().min(1989).max(2100),
  deadlines: deadlinesSchema.strict(),
});

export const deadlinesRoutes = () =>
  new Hono<AppEnv>().put(
    '/',
    doc({ summary: '作成・修正・評価の期限を設定', access: '企画担当' }),
    validate('json', setDeadlinesSchema),
    async (c) => {
      const { actor } = signedIn(c);
      return c.json({ deadlines: await setDeadlines(c.var.db, { actor, ...c.req.valid('json') }) });
    },
  );
