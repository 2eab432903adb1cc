import { Hono } from 'hono';
import { type Presence, presenceSchema } from '../../../schemas/presence';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { leavePresence, notePresence } from './presence';
import { authorize, loadSheetSubject } from './sheet-access';
import { sheetParam } from './sheets.routes';

const access = 'そのシートを編集できる人（担当者・所属長、下書きと承認済みのシート）';

/** 編集中: who else has a sheet's editor open (the 409 on a stale save still guards the content). */
export const presenceRoutes = () =>
  new Hono<AppEnv>()
    .post(
      '/:id/presence',
      doc({
        summary: 'このシートの編集画面を開いていることを知らせ、ほかに開いている人を返す',
        response: presenceSchema,
        access,
      }),
      validate('param', sheetParam),
      async (c) => {
        const { user, actor } = signedIn(c);
        const { id } = c.req.valid('param');
        const { subject } = await loadSheetSubject(c.get('db'), id);
        authorize(actor, 'edit', subject);
        c.header('cache-control', 'private, no-store');
        return c.json((await notePresence(c.get('db'), id, user.id)) satisfies Presence);
      },
    )
    .delete(
      '/:id/presence',
      doc({ summary: 'このシートの編集画面を閉じたことを知らせる', response: presenceSchema, access }),
      validate('param', sheetParam),
      async (c) => {
        const { user } = signedIn(c);
        const { id } = c.req.valid('param');
        await leavePresence(c.get('db'), id, user.id);
        return c.json({ others: [] } satisfies Presence);
      },
    );
