import { Hono } from 'hono';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { jobStatusSchema } from '../../../schemas/answers';
import { importConfirmQuery, importPreviewQuery } from '../../../schemas/import';
import { municipalityName, wardName } from '../../../schemas/text';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { attachment } from '../downloads/content-disposition';
import { confirmImportFile, previewImportFile } from '../interchange/import-file';
import { importBodyLimit, importers, importRequest } from '../interchange/interchange.routes';
import { loadWardYear } from '../sheets/load-ward-year';
import type { JobFile, JobRegistry } from './job-registry';
import { renderBookletInWorker } from './render-booklet-in-worker';

const bookletJobSchema = z.strictObject({
  ward: wardName,
  municipality: municipalityName,
  fiscalYear: z.number('年度を数値で指定してください').int().min(1989).max(2100),
});
const jobParam = z.object({ id: z.uuid('処理の ID が正しくありません') });

/** Long work with progress: start it, poll its status, fetch its file. */
export function jobsRoutes(jobs: JobRegistry) {
  return new Hono<AppEnv>()
    .post(
      '/booklet',
      doc({ summary: '冊子 PDF の作成を始める（進み具合は GET /api/v1/jobs/{id}）', status: 202 }),
      validate('json', bookletJobSchema),
      async (c) => {
        const options = c.req.valid('json');
        const { db, actor } = c.var;
        const status = jobs.start('booklet', c.var.user?.id ?? null, async (control) => {
          const year = await loadWardYear(db, { ...options, actor, publishedOnly: true });
          const total = year.sheets.length;
          control.progress(0, total, 'シートを読み込みました');
          const bytes = await renderBookletInWorker(
            {
              municipality: year.ward.municipalityName,
              ward: year.ward.name,
              fiscalYear: year.fiscalYear,
              sheets: year.sheets,
            },
            (done) => control.progress(done, total, `${done}/${total} シートを作成中`),
          );
          const file: JobFile = {
            bytes,
            contentType: 'application/pdf',
            filename: `${formatFiscalYear(year.fiscalYear)}_${year.ward.municipalityName}${year.ward.name}_組織目標管理シート.pdf`,
            asciiFilename: `booklet-${year.fiscalYear}.pdf`,
          };
          return file;
        });
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
      }),
      importers(),
      importBodyLimit(),
      validate('query', importPreviewQuery),
      async (c) => {
        const query = c.req.valid('query');
        const request = await importRequest(c, query.via);
        const db = c.var.db;
        const status = jobs.start('import-preview', c.var.user?.id ?? null, async (control) => {
          control.progress(0, 0, 'ファイルを確認中');
          return previewImportFile(db, {
            ...request,
            fileName: query.fileName,
            expected: {
              ...(query.expectedMunicipality ? { municipality: query.expectedMunicipality } : {}),
              ...(query.expectedWard ? { ward: query.expectedWard } : {}),
              ...(query.expectedFiscalYear ? { fiscalYear: query.expectedFiscalYear } : {}),
            },
            onProgress: (done, total) => control.progress(done, total, `${done}/${total} シートを確認中`),
          });
        });
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
      }),
      importers(),
      importBodyLimit(),
      validate('query', importConfirmQuery),
      async (c) => {
        const query = c.req.valid('query');
        const request = await importRequest(c, query.via);
        const db = c.var.db;
        const status = jobs.start('import', c.var.user?.id ?? null, async (control) => {
          control.progress(0, 0, 'ファイルを確認中');
          return confirmImportFile(db, {
            ...request,
            fileName: query.fileName,
            previewToken: query.previewToken,
            reason: query.reason,
            onProgress: (done, total) => control.progress(done, total, `${done}/${total} シートを取り込み中`),
          });
        });
        return c.json(status, 202);
      },
    )
    .get(
      '/:id',
      doc({ summary: '処理の進み具合', response: jobStatusSchema }),
      validate('param', jobParam),
      (c) => {
        c.header('cache-control', 'no-store');
        return c.json(jobs.status(c.req.valid('param').id, c.var.user?.id ?? null));
      },
    )
    .get('/:id/file', doc({ summary: '処理の結果のファイル' }), validate('param', jobParam), (c) => {
      const file = jobs.result(c.req.valid('param').id, c.var.user?.id ?? null) as JobFile;
      return c.body(file.bytes, 200, {
        'content-type': file.contentType,
        'content-disposition': attachment(file.filename, file.asciiFilename),
      });
    });
}
