import { Hono } from 'hono';
import { organizationSchema } from '../../../schemas/sheet';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { listOrganizations } from './list-organizations';
import { listWardYears } from './list-wards';

const wardQuery = z.object({
  ward: z.string('部区を指定してください').trim().min(1, '部区を指定してください'),
  municipality: z.string().trim().min(1).optional(),
});

export const wardsRoutes = () =>
  new Hono<AppEnv>().get('/', async (c) => c.json(await listWardYears(c.var.db)));

export const organizationsRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区の組織（階層）', response: organizationSchema.array() }),
    validate('query', wardQuery),
    async (c) => c.json(await listOrganizations(c.var.db, c.req.valid('query'))),
  );
