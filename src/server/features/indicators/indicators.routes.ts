import { Hono } from 'hono';
import { type IndicatorSeries, indicatorSeriesSchema } from '../../../schemas/indicator-series';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { indicatorSeries } from './indicator-series';

const indicatorParam = z.object({ id: z.uuid('指標の ID が正しくありません') });

export const indicatorsRoutes = () =>
  new Hono<AppEnv>().get(
    '/:id/series',
    doc({ summary: '指標の年度ごとの目標と結果（推移グラフ用）', response: indicatorSeriesSchema }),
    validate('param', indicatorParam),
    async (c) => {
      c.header('cache-control', c.get('actor') ? 'private, no-store' : 'no-cache');
      const series = await indicatorSeries(c.get('db'), c.get('actor'), c.req.valid('param').id);
      return c.json(series satisfies IndicatorSeries);
    },
  );
