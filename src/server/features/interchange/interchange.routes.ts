import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import {
  importConfirmQuery,
  importPreviewQuery,
  importPreviewSchema,
  importResultSchema,
} from '../../../schemas/import';
import { wardYearFileSchema } from '../../../schemas/interchange';
import { wardYearQuery } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { acceptsBody, bodyLimits } from '../../middleware/body-limit';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { attachment } from '../downloads/content-disposition';
import { licenceLink } from '../licence/licence-link';
import { authorizeImportSomewhere } from '../organizations/ward-access';
import { exportWardYear } from './export-ward-year';
import { confirmImportFile, previewImportFile } from './import-file';

/** An uploaded file is the request body as it is: JSON (UTF-8) or an Excel workbook, up to the file limit. */
export const importBodyLimit = () => acceptsBody(bodyLimits.upload);

/**
 * Only someone who may import somewhere gets further, before the file or the query is read (the
 * one check made in a route: the service, which checks the file's own 部区, gets the file read).
 */
export const importers = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    authorizeImportSomewhere(signedIn(c).actor);
    await next();
  });

/** The signed-in importer and the file's bytes. */
export async function importRequest(c: Context<AppEnv>, via: 'browser' | 'api' | undefined) {
  const { actor, by } = signedIn(c);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return { actor, by, bytes, channel: via ?? 'api' } as const;
}

export const importRoutes = () =>
  new Hono<AppEnv>()
    .post(
      '/preview',
      doc({
        summary:
          '取り込みの確認: ファイル（本文に交換形式の JSON または Excel）で、シートごとに新規・置き換え・変更なしと項目ごとの変更を返す（何も書き込まない）',
        access: '管理者・その部区の企画担当',
        response: importPreviewSchema,
      }),
      importers(),
      importBodyLimit(),
      validate('query', importPreviewQuery),
      async (c) => {
        const query = c.req.valid('query');
        const request = await importRequest(c, query.via);
        const preview = await previewImportFile(c.get('db'), {
          ...request,
          fileName: query.fileName,
          expected: {
            ...(query.expectedMunicipality ? { municipality: query.expectedMunicipality } : {}),
            ...(query.expectedWard ? { ward: query.expectedWard } : {}),
            ...(query.expectedFiscalYear ? { fiscalYear: query.expectedFiscalYear } : {}),
          },
        });
        return c.json(preview);
      },
    )
    .post(
      '/',
      doc({
        summary:
          '取り込み: 確認と同じファイルを previewToken（と、評価確定・公開のシートを置き換えるときは reason）付きで送る。全件成功か、何も書き込まないか。確認の後に変更があれば 409 と新しい確認',
        access: '管理者・その部区の企画担当',
        response: importResultSchema,
      }),
      importers(),
      importBodyLimit(),
      validate('query', importConfirmQuery),
      async (c) => {
        const query = c.req.valid('query');
        const request = await importRequest(c, query.via);
        const result = await confirmImportFile(c.get('db'), {
          ...request,
          fileName: query.fileName,
          previewToken: query.previewToken,
          reason: query.reason,
        });
        return c.json(result);
      },
    );

export const exportRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区・年度のシートを交換形式の JSON で', response: wardYearFileSchema }),
    validate('query', wardYearQuery),
    async (c) => {
      const query = c.req.valid('query');
      const file = await exportWardYear(c.get('db'), { ...query, actor: c.get('actor') });
      const name = `${file.municipality}_${file.ward}_${file.fiscalYear}.json`;
      c.header('content-disposition', attachment(name, `ward-${file.fiscalYear}.json`));
      c.header('link', licenceLink(file.licence));
      return c.json(file);
    },
  );
