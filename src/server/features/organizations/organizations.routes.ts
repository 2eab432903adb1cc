import { Hono } from 'hono';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { listOrganizations } from './list-organizations';
import { listWardYears } from './list-wards';

const wardQuery = z.object({
  ward: z.string('部区を指定してください').trim().min(1, '部区を指定してください'),
  municipality: z.string().trim().min(1).optional(),
});

export const wardsRoutes = () =>
  new Hono<AppEnv>().get('/', async (c) => c.json(await listWardYears(c.var.db)));

export const organizationsRoutes = () =>
  new Hono<AppEnv>().get('/', validate('query', wardQuery), async (c) =>
    c.json(await listOrganizations(c.var.db, c.req.valid('query'))),
  );
