import { Hono } from 'hono';
import { type Organization, organizationSchema, type Ward, wardSchema } from '../../../schemas/sheet';
import { wardQuery } from '../../../schemas/ward-year';
import { sendPrivate, sendShared } from '../../answer-cache';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import type { SheetCache } from '../sheets/sheet-cache';
import { listOrganizations } from './list-organizations';
import { listWardYears } from './list-wards';

/**
 * The public gets the cached wards list (the home page's data); a signed-in user, who may just
 * have written, reads it fresh.
 */
export const wardsRoutes = (cache: SheetCache) =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区と、シートのある年度', response: wardSchema.array() }),
    async (c) =>
      c.get('actor')
        ? sendPrivate(c, JSON.stringify((await listWardYears(c.get('db'))) satisfies Ward[]))
        : sendShared(c, await cache.wards.answer(c.get('db'))),
  );

export const organizationsRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区の組織（階層）', response: organizationSchema.array() }),
    validate('query', wardQuery),
    async (c) =>
      c.json((await listOrganizations(c.get('db'), c.req.valid('query'))) satisfies Organization[]),
  );
