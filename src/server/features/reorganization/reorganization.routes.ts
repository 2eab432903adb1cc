import { Hono } from 'hono';
import { type Reorganized, reorganizedSchema, reorganizeSchema } from '../../../schemas/reorganization';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { reorganize } from './reorganize';

export const reorganizationRoutes = () =>
  new Hono<AppEnv>().post(
    '/',
    doc({
      summary: '組織の改編（名称変更・統合・分割）',
      status: 201,
      access: '企画担当・管理者',
      response: reorganizedSchema,
    }),
    validate('json', reorganizeSchema),
    async (c) => {
      const { actor } = signedIn(c);
      const answer: Reorganized = await reorganize(c.get('db'), { actor, ...c.req.valid('json') });
      return c.json(answer, 201);
    },
  );
