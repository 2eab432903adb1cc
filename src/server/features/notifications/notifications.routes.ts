import { Hono } from 'hono';
import {
  type MailSettings,
  mailSettingsSchema,
  markReadSchema,
  type NotificationList,
  notificationListSchema,
  putMailSettingsSchema,
} from '../../../schemas/notifications';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { listNotifications, mailSettingsOf, markRead, setMailDelivery } from './notifications';

const access = 'ログインしている職員（自分の通知だけ）';

/** 通知: one's own list, read marks, and how one's mail comes. */
export const notificationsRoutes = (mailEnabled: boolean) =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({ summary: '自分への通知（新しい順に100件）と未読の数', response: notificationListSchema, access }),
      async (c) => {
        const { user } = signedIn(c);
        c.header('cache-control', 'private, no-store');
        return c.json((await listNotifications(c.get('db'), user.id)) satisfies NotificationList);
      },
    )
    .post(
      '/read',
      doc({ summary: '通知を既読にする（ids を省くとすべて）', response: notificationListSchema, access }),
      validate('json', markReadSchema),
      async (c) => {
        const { user } = signedIn(c);
        await markRead(c.get('db'), user.id, c.req.valid('json').ids);
        return c.json((await listNotifications(c.get('db'), user.id)) satisfies NotificationList);
      },
    )
    .get(
      '/settings',
      doc({ summary: '通知メールの受け取り方', response: mailSettingsSchema, access }),
      async (c) => {
        const { user } = signedIn(c);
        c.header('cache-control', 'private, no-store');
        return c.json((await mailSettingsOf(c.get('db'), user.id, mailEnabled)) satisfies MailSettings);
      },
    )
    .put(
      '/settings',
      doc({
        summary: '通知メールの受け取り方を変える（まとめて・そのつど・受け取らない）',
        response: mailSettingsSchema,
        access,
      }),
      validate('json', putMailSettingsSchema),
      async (c) => {
        const { user } = signedIn(c);
        await setMailDelivery(c.get('db'), user.id, c.req.valid('json').mailDelivery);
        return c.json((await mailSettingsOf(c.get('db'), user.id, mailEnabled)) satisfies MailSettings);
      },
    );
