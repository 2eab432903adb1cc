import { Hono } from 'hono';
import { type RolloverSummary, rolloverSummarySchema } from '../../../schemas/answers';
import { rollOverSchema } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { rollOverWardYear } from './roll-over-ward-year';

export const rolloverRoutes = () =>
  new Hono<AppEnv>().post(
    '/',
    doc({
      summary: '次年度のシートを一括作成（目標・主な取組・指標を引き継ぐ）',
      response: rolloverSummarySchema,
      status: 201,
      access: '企画担当',
    }),
    validate('json', rollOverSchema),
    async (c) => {
      const { actor, by } = signedIn(c);
      const summary: RolloverSummary = await rollOverWardYear(c.get('db'), {
        actor,
        by,
        ...c.req.valid('json'),
      });
      return c.json(summary, 201);
    },
  );
