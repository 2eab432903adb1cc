import { Hono } from 'hono';
import { jobStatusSchema } from '../../../schemas/answers';
import { bulkActionSchema } from '../../../schemas/bulk-action';
import { importConfirmQuery, importPreviewQuery } from '../../../schemas/import';
import { bookletJobSchema } from '../../../schemas/ward-year';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { signInNeeded } from '../../app-error';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { attachment } from '../downloads/content-disposition';
import { importBodyLimit, importers, importRequest } from '../interchange/interchange.routes';
import type { JobRegistry } from './job-registry';

const jobParam = z.object({ id: z.uuid('処理の ID が正しくありません') });

/** Long work with progress: start it, poll its status, fetch its file (through any app server). */
export function jobsRoutes(jobs: JobRegistry) {
  return new Hono<AppEnv>()
    .post(
      '/booklet',
      doc({
        summary: '冊子 PDF の作成を始める（進み具合は GET /api/v1/jobs/{id}）',
        status: 202,
        response: jobStatusSchema,
      }),
      validate('json', bookletJobSchema),
      async (c) => {
        const status = await jobs.begin('booklet', c.get('user')?.id ?? null, c.req.valid('json'));
        return c.json(status, 202);
      },
    )
    .post(
      '/bulk-action',
      doc({
        summary:
          '進捗管理表の一括操作（評価の確定・公開・差戻し・督促）を始める。シートごとに実行し、できなかったものは理由とともに result に返す（進み具合は GET /api/v1/jobs/{id}）',
        status: 202,
        access: '各シートでその操作ができる人（評価の確定・公開は企画担当、差戻しは所属長・企画担当）',
        response: jobStatusSchema,
      }),
      validate('json', bulkActionSchema),
      async (c) => {
        const user = c.get('user');
        if (!user) throw signInNeeded('一括操作');
        const status = await jobs.begin('bulk-action', user.id, c.req.valid('json'));
        return c.json(status, 202);
      },
    )
    .post(
      '/import/preview',
      doc({
        summary:
          '取り込みの確認を始める（本文に Excel ブックまたは交換形式の JSON。結果 result は POST /api/v1/import/preview と同じ。進み具合は GET /api/v1/jobs/{id}）',
        status: 202,
        access: '管理者・その部区の企画担当',
        response: jobStatusSchema,
      }),
      importers(),
      importBodyLimit(),
      validate('query', importPreviewQuery),
      async (c) => {
        const query = c.req.valid('query');
        const { by, bytes } = await importRequest(c, query.via);
        const status = await jobs.begin('import-preview', by.id, query, bytes);
        return c.json(status, 202);
      },
    )
    .post(
      '/import',
      doc({
        summary:
          '確認した取り込みを始める（確認と同じファイルと previewToken、必要なら reason。全件成功か、何も書き込まないか。進み具合は GET /api/v1/jobs/{id}）',
        status: 202,
        access: '管理者・その部区の企画担当',
        response: jobStatusSchema,
      }),
      importers(),
      importBodyLimit(),
      validate('query', importConfirmQuery),
      async (c) => {
        const query = c.req.valid('query');
        const { by, bytes } = await importRequest(c, query.via);
        const status = await jobs.begin('import', by.id, query, bytes);
        return c.json(status, 202);
      },
    )
    .get(
      '/:id',
      doc({ summary: '処理の進み具合', response: jobStatusSchema }),
      validate('param', jobParam),
      async (c) => {
        c.header('cache-control', 'no-store');
        return c.json(await jobs.status(c.req.valid('param').id, c.get('user')?.id ?? null));
      },
    )
    .get(
      '/:id/file',
      doc({ summary: '処理の結果のファイル（冊子 PDF）', produces: 'application/pdf' }),
      validate('param', jobParam),
      async (c) => {
        const file = await jobs.file(c.req.valid('param').id, c.get('user')?.id ?? null);
        return c.body(file.bytes, 200, {
          'content-type': file.contentType,
          'content-disposition': attachment(file.filename, file.asciiFilename),
        });
      },
    );
}
