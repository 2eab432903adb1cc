import { Hono } from 'hono';
import { parseFiscalYear } from '../../../domain/fiscal-year';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { getSheet } from './get-sheet';
import { listWardSheets } from './list-ward-sheets';
import type { SheetCache } from './sheet-cache';

/** `?fiscalYear=` as people write it: 2022, 令和4年度, R4. */
export const fiscalYearParam = z.string('年度を指定してください').transform((text, ctx) => {
  const year = parseFiscalYear(text);
  if (year === null) {
    ctx.addIssue({ code: 'custom', message: '年度は 2022・令和4年度・R4 のように指定してください' });
    return z.NEVER;
  }
  return year;
});

export const wardYearQuery = z.object({
  fiscalYear: fiscalYearParam,
  ward: z.string('部区を指定してください').trim().min(1, '部区を指定してください'),
  municipality: z.string().trim().min(1).optional(),
});

const sheetParam = z.object({ id: z.uuid('シートの ID が正しくありません') });

export function sheetsRoutes(cache: SheetCache) {
  return new Hono<AppEnv>()
    .get('/', validate('query', wardYearQuery), async (c) => {
      return c.json(await listWardSheets(c.var.db, c.req.valid('query')));
    })
    .get('/:id', validate('param', sheetParam), async (c) => {
      const { id } = c.req.valid('param');
      const generation = cache.generation;
      const entry = cache.get(id) ?? cache.set(id, await getSheet(c.var.db, { id }), generation);
      if (c.req.header('if-none-match') === entry.etag) return c.body(null, 304, { etag: entry.etag });
      return c.body(entry.body, 200, { 'content-type': 'application/json; charset=utf-8', etag: entry.etag });
    });
}
