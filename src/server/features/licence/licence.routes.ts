import { Hono } from 'hono';
import { licenceChangeSchema } from '../../../schemas/licence-change';
import { licenceSettingSchema } from '../../../schemas/licence-setting';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import type { SheetCache } from '../sheets/sheet-cache';
import { readLicence, setLicence } from './set-licence';

/** The municipality's licence of its open data: staff read it, 管理者 change it or return it to the default. */
export const licenceRoutes = (cache: SheetCache) =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: '公開するデータのライセンス（既定は公共データ利用規約 第1.0版）',
        response: licenceSettingSchema,
        access: '職員',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await readLicence(c.get('db'), actor));
      },
    )
    .put(
      '/',
      doc({ summary: '公開するデータのライセンスを変更', response: licenceSettingSchema, access: '管理者' }),
      validate('json', licenceChangeSchema),
      async (c) => {
        const { actor } = signedIn(c);
        const setting = await setLicence(c.get('db'), actor, c.req.valid('json'));
        // The lists, sheets and their files state it at once on this server.
        cache.wardChanged(null);
        return c.json(setting);
      },
    )
    .delete(
      '/',
      doc({
        summary: '公開するデータのライセンスを既定（公共データ利用規約 第1.0版）に戻す',
        response: licenceSettingSchema,
        access: '管理者',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        const setting = await setLicence(c.get('db'), actor, null);
        cache.wardChanged(null);
        return c.json(setting);
      },
    );
