import { Hono } from 'hono';
import { nameText } from '../../../schemas/text';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { reorganize } from './reorganize';

const reorganizeSchema = z.strictObject({
  kind: z.enum(['rename', 'merge', 'split'], '改編の種類は rename・merge・split のいずれかです'),
  predecessorIds: z.array(z.uuid('組織の ID が正しくありません')).min(1, '改編前の組織を指定してください'),
  successorNames: z
    .array(nameText(200, '組織名を入力してください'))
    .min(1, '改編後の組織名を指定してください'),
  fromFiscalYear: z.number('年度を数値で指定してください').int().min(1989).max(2100),
  assignments: z.record(z.uuid(), z.number().int().min(0)).optional(),
});

export const reorganizationRoutes = () =>
  new Hono<AppEnv>().post(
    '/',
    doc({ summary: '組織の改編（名称変更・統合・分割）', status: 201, access: '企画担当・管理者' }),
    validate('json', reorganizeSchema),
    async (c) => {
      const { actor } = signedIn(c);
      return c.json(await reorganize(c.var.db, { actor, ...c.req.valid('json') }), 201);
    },
  );
