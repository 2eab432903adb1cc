import { Hono } from 'hono';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { filterBoard, sortBoard } from '../../../domain/progress-board';
import { progressCsv } from '../../../exports/progress-csv';
import { type ProgressBoard, progressBoardSchema, progressQuery } from '../../../schemas/progress';
import type { AppEnv } from '../../app-env';
import { todayInJapan } from '../../clock';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { attachment } from '../downloads/content-disposition';
import { loadProgressBoard } from './load-progress-board';

const access = '企画担当（自部区）・閲覧者・管理者。部区を指定しない全部区の表は閲覧者・管理者';

export const progressRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: '進捗管理表（シートごとの段階・期限・担当者・最終更新・差戻し・評価の数と合計）',
        response: progressBoardSchema,
        access,
      }),
      validate('query', progressQuery),
      async (c) => {
        c.header('cache-control', 'private, no-store');
        const { fiscalYear, ward, municipality } = c.req.valid('query');
        const board = await loadProgressBoard(c.get('db'), {
          actor: c.get('actor'),
          fiscalYear,
          ward,
          municipality,
          today: todayInJapan(),
        });
        return c.json(board satisfies ProgressBoard);
      },
    )
    .get(
      '/csv',
      doc({
        summary: '進捗管理表の CSV（UTF-8 BOM 付き、シートごとに1行。絞り込みと並べ替えは表と同じ指定）',
        produces: 'text/csv',
        access,
      }),
      validate('query', progressQuery),
      async (c) => {
        const query = c.req.valid('query');
        const board = await loadProgressBoard(c.get('db'), {
          actor: c.get('actor'),
          fiscalYear: query.fiscalYear,
          ward: query.ward,
          municipality: query.municipality,
          today: todayInJapan(),
        });
        const rows = sortBoard(filterBoard(board.rows, query), {
          key: query.sort ?? 'order',
          descending: query.descending,
        });
        const name = `${formatFiscalYear(board.fiscalYear)}_${board.municipality}${board.ward ?? ''}_進捗管理表.csv`;
        return c.body(progressCsv(rows), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'cache-control': 'private, no-store',
          'content-disposition': attachment(name, `progress-${board.fiscalYear}.csv`),
        });
      },
    );
