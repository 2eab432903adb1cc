import { Hono } from 'hono';
import { municipalitySummarySchema, newMunicipalitySchema } from '../../../schemas/municipalities';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { createMunicipality, listMunicipalities } from './municipalities';

/** The installation's municipalities: システム管理者 lists them and registers new ones. */
export const municipalitiesRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: '登録されている自治体（既定の自治体が先頭）',
        response: municipalitySummarySchema.array(),
        access: 'システム管理者',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await listMunicipalities(c.get('db'), actor));
      },
    )
    .post(
      '/',
      doc({
        summary: '自治体とその最初の管理者を登録',
        description:
          '自治体と管理者を一度に登録します（どちらかに誤りがあれば、どちらも登録しません）。管理者は仮パスワードでログインし、最初に自分のパスワードを設定します。',
        response: municipalitySummarySchema,
        status: 201,
        access: 'システム管理者',
      }),
      validate('json', newMunicipalitySchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        return c.json(await createMunicipality(c.get('db'), actor, c.req.valid('json'), { by }), 201);
      },
    );
