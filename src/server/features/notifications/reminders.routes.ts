import { Hono } from 'hono';
import { type ReminderResult, reminderResultSchema, reminderSchema } from '../../../schemas/notifications';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { sheetParam } from '../sheets/sheets.routes';
import { remindSheet } from './remind-sheet';

/** `/sheets/:id/reminders`: 督促 of one sheet (the 進捗管理表 sends many as a bulk action). */
export const sheetRemindersRoutes = () =>
  new Hono<AppEnv>().post(
    '/:id/reminders',
    doc({
      summary: '督促する（担当者・所属長に通知とメール。履歴に記録。シートは変わりません）',
      status: 201,
      response: reminderResultSchema,
      access: 'その部区の企画担当（下書き・提出済み・承認済み・評価提出済みのシート）',
    }),
    validate('param', sheetParam),
    validate('json', reminderSchema),
    async (c) => {
      const { actor, by } = signedIn(c);
      const { id } = c.req.valid('param');
      const told = await remindSheet(c.get('db'), { actor, by, sheetId: id, ...c.req.valid('json') });
      return c.json({ told } satisfies ReminderResult, 201);
    },
  );
