import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { canImport } from '../../../domain/ward-policy';
import { wardYearFileSchema } from '../../../schemas/interchange';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { attachment } from '../downloads/content-disposition';
import { wardYearQuery } from '../sheets/sheets.routes';
import { exportWardYear } from './export-ward-year';
import { findImportTarget, importWardYear, validateWardYearFile } from './import-ward-year';

export const importRoutes = () =>
  new Hono<AppEnv>().post(
    '/',
    doc({
      summary: '交換形式の JSON を取り込む（全件成功か、何も書き込まないか）',
      access: '管理者・その部区の企画担当',
    }),
    bodyLimit({
      maxSize: 10 * 1024 * 1024,
      onError: () => {
        throw new AppError('too_large', '取り込むファイルが大きすぎます（10MBまで）。');
      },
    }),
    async (c) => {
      const { actor, by } = signedIn(c);
      let input: unknown;
      try {
        input = await c.req.json();
      } catch {
        throw new AppError('invalid', '取り込むデータが JSON として読めません。');
      }
      const file = validateWardYearFile(input);
      const target = await findImportTarget(c.var.db, file);
      if (!canImport(actor, target.municipalityId, target.wardId)) {
        throw new AppError(
          'forbidden',
          `${file.ward}のシートを取り込む権限がありません（企画担当または管理者が行えます）。`,
        );
      }
      return c.json(await importWardYear(c.var.db, file, { actor: by }));
    },
  );

export const exportRoutes = () =>
  new Hono<AppEnv>().get(
    '/',
    doc({ summary: '部区・年度のシートを交換形式の JSON で', response: wardYearFileSchema }),
    validate('query', wardYearQuery),
    async (c) => {
      const query = c.req.valid('query');
      const file = await exportWardYear(c.var.db, { ...query, actor: c.var.actor });
      const name = `${file.municipality}_${file.ward}_${file.fiscalYear}.json`;
      c.header('content-disposition', attachment(name, `ward-${file.fiscalYear}.json`));
      return c.json(file);
    },
  );
