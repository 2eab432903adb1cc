import { Hono } from 'hono';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { wardYearQuery } from '../sheets/sheets.routes';
import { exportWardYear } from './export-ward-year';

export const exportRoutes = () =>
  new Hono<AppEnv>().get('/', validate('query', wardYearQuery), async (c) => {
    const query = c.req.valid('query');
    const file = await exportWardYear(c.var.db, { ...query, actor: c.var.actor });
    const name = `${file.municipality}_${file.ward}_${file.fiscalYear}.json`;
    c.header(
      'content-disposition',
      `attachment; filename="ward-${file.fiscalYear}.json"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    return c.json(file);
  });
