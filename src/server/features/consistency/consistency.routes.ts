import { Hono } from 'hono';
import { type ConsistencyReport, consistencyReportSchema } from '../../../schemas/answers';
import { wardYearQuery } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { buildConsistencyReport } from './build-consistency-report';

export const consistencyRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({
      summary:
        '部区・年度の点検表（基準と異なる評価、年度の段階に合う未入力、評価日、記録のない修正、単位、部区番号、機種依存文字）',
      response: consistencyReportSchema,
      access: '企画担当・閲覧者・管理者',
    }),
    validate('query', wardYearQuery),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      const report = await buildConsistencyReport(c.get('db'), {
        ...c.req.valid('query'),
        actor: c.get('actor'),
      });
      return c.json(report satisfies ConsistencyReport);
    },
  );
