import { Hono } from 'hono';
import {
  municipalityYearOverviewQuery,
  municipalityYearOverviewSchema,
  wardYearOverviewSchema,
} from '../../../schemas/overview';
import { wardYearQuery } from '../../../schemas/ward-year';
import { encodeAnswer, sendPrivate, sendShared } from '../../answer-cache';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { type SheetCache, sheetDependency, wardDependency } from '../sheets/sheet-cache';
import { municipalityYearOverview } from './municipality-year-overview';
import { wardYearOverview } from './ward-year-overview';

const access = 'だれでも（ログインしていない人には公開したシートだけ）';

export const overviewRoutes = (cache: SheetCache) =>
  new Hono<AppEnv>()
    .get(
      '/ward-year',
      doc({
        summary: '部区・年度の概要（シートごとの目標と指標の推移、前年度の評価の内訳）',
        response: wardYearOverviewSchema,
        access,
      }),
      validate('query', wardYearQuery),
      async (c) => {
        const query = c.req.valid('query');
        const actor = c.get('actor');
        if (actor) {
          const { overview } = await wardYearOverview(c.get('db'), { ...query, actor });
          return sendPrivate(c, JSON.stringify(overview));
        }
        // The public's is kept like its year list: dropped when the 部区 or a sheet of it changes.
        const key = JSON.stringify(['overview', query.municipality ?? null, query.ward, query.fiscalYear]);
        const answer = await cache.wardYears.getOrLoad(key, async () => {
          const { ward, overview } = await wardYearOverview(c.get('db'), { ...query, actor: null });
          return {
            value: encodeAnswer(overview),
            dependencies: [wardDependency(ward.id), ...overview.sheets.map((s) => sheetDependency(s.id))],
          };
        });
        return sendShared(c, answer);
      },
    )
    .get(
      '/municipality-year',
      doc({
        summary: '自治体・年度の概要（部区ごとの評価の内訳と前年度）',
        response: municipalityYearOverviewSchema,
        access,
      }),
      validate('query', municipalityYearOverviewQuery),
      async (c) => {
        const overview = await municipalityYearOverview(c.get('db'), {
          ...c.req.valid('query'),
          actor: c.get('actor') ?? null,
        });
        c.header('cache-control', c.get('actor') ? 'private, no-store' : 'no-cache');
        return c.json(overview);
      },
    );
