import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { wardYearQuery } from '../sheets/sheets.routes';
import { buildConsistencyReport } from './build-consistency-report';

export const consistencyRoutes = () =>
  new Hono<AppEnv>().get('/', validate('query', wardYearQuery), async (c) => {
    c.header('cache-control', 'private, no-store');
    return c.json(await buildConsistencyReport(c.var.db, { ...c.req.valid('query'), actor: c.var.actor }));
  });
