import { Hono } from 'hono';
import { mailSenderChangeSchema, mailSenderSettingSchema } from '../../../schemas/mail-sender';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { type InstallationMail, readMailSender, setMailSender } from './mail-sender';

/** The From of the municipality's 通知 mail: 管理者 reads it, sets it, or returns to the installation's. */
export const mailSenderRoutes = (mail: InstallationMail) =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({ summary: '通知メールの送信元', response: mailSenderSettingSchema, access: '管理者' }),
      async (c) => c.json(await readMailSender(c.get('db'), signedIn(c).actor, mail)),
    )
    .put(
      '/',
      doc({ summary: '通知メールの送信元を変更', response: mailSenderSettingSchema, access: '管理者' }),
      validate('json', mailSenderChangeSchema),
      async (c) => c.json(await setMailSender(c.get('db'), signedIn(c).actor, c.req.valid('json'), mail)),
    )
    .delete(
      '/',
      doc({
        summary: '通知メールの送信元をこのシステムの既定（MOKUHYO_MAIL_FROM）に戻す',
        response: mailSenderSettingSchema,
        access: '管理者',
      }),
      async (c) => c.json(await setMailSender(c.get('db'), signedIn(c).actor, null, mail)),
    );
