import { Hono } from 'hono';
import { type Organization, organizationSchema, type Ward, wardSchema } from '../../../schemas/sheet';
import { wardQuery } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { listOrganizations } from './list-organizations';
import { listWardYears } from './list-wards';

export const wardsRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区と、シートのある年度', response: wardSchema.array() }),
    async (c) => c.json((await listWardYears(c.var.db)) satisfies Ward[]),
  );

export const organizationsRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区の組織（階層）', response: organizationSchema.array() }),
    validate('query', wardQuery),
    async (c) => c.json((await listOrganizations(c.var.db, c.req.valid('query'))) satisfies Organization[]),
  );
