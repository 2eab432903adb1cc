import { Hono } from 'hono';
import { type SearchAnswer, searchAnswerSchema, searchQuery } from '../../../schemas/search';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { searchSheets } from './search-sheets';

export const searchRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({
      summary:
        '検索（組織目標・主な取組・指標・補足・目標達成状況・取り組みについて・取り組みの結果について、すべての年度と部区から）',
      response: searchAnswerSchema,
      access: 'だれでも（ログインしていない人には公開したシートだけ）',
    }),
    validate('query', searchQuery),
    async (c) => {
      c.header('cache-control', 'private, no-store');
      const answer = await searchSheets(c.get('db'), c.get('actor') ?? null, c.req.valid('query'));
      return c.json(answer satisfies SearchAnswer);
    },
  );
