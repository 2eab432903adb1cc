import { Hono } from 'hono';
import {
  type CommentThreads,
  commentThreadsSchema,
  replySchema,
  resolutionSchema,
  startThreadSchema,
} from '../../../schemas/comments';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { authorize, loadSheetSubject } from '../sheets/sheet-access';
import { sheetParam } from '../sheets/sheets.routes';
import { listThreads, replyToThread, resolveThread, startThread } from './comments';

const access = 'そのシートの担当者・所属長、その部区の企画担当、管理者（読むのは職員）';
const threadParam = z.object({ id: z.uuid('コメントの ID が正しくありません') });

/** `/sheets/:id/comments`: a sheet's threads, and a new one on the sheet, a goal or an indicator. */
export const sheetCommentsRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/:id/comments',
      doc({
        summary: 'シートのコメント（未解決のものが先、解決済みも読めます）',
        response: commentThreadsSchema,
        access,
      }),
      validate('param', sheetParam),
      async (c) => {
        const { id } = c.req.valid('param');
        const { subject } = await loadSheetSubject(c.get('db'), id);
        authorize(c.get('actor'), 'readHistory', subject);
        c.header('cache-control', 'private, no-store');
        return c.json((await listThreads(c.get('db'), id)) satisfies CommentThreads);
      },
    )
    .post(
      '/:id/comments',
      doc({
        summary: 'コメントを始める（シート全体・目標・指標に。履歴に記録）',
        status: 201,
        response: commentThreadsSchema,
        access,
      }),
      validate('param', sheetParam),
      validate('json', startThreadSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        await startThread(c.get('db'), { actor, by, sheetId: id, ...c.req.valid('json') });
        return c.json((await listThreads(c.get('db'), id)) satisfies CommentThreads, 201);
      },
    );

/** `/comment-threads/:id/…`: reply, resolve or reopen. */
export const commentThreadsRoutes = () =>
  new Hono<AppEnv>()
    .post(
      '/:id/replies',
      doc({
        summary: 'コメントに返信する（解決済みなら未解決に戻ります）',
        status: 201,
        response: commentThreadsSchema,
        access,
      }),
      validate('param', threadParam),
      validate('json', replySchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const sheetId = await replyToThread(c.get('db'), {
          actor,
          by,
          threadId: c.req.valid('param').id,
          ...c.req.valid('json'),
        });
        return c.json((await listThreads(c.get('db'), sheetId)) satisfies CommentThreads, 201);
      },
    )
    .post(
      '/:id/resolution',
      doc({
        summary: 'コメントを解決済みにする、または未解決に戻す',
        response: commentThreadsSchema,
        access,
      }),
      validate('param', threadParam),
      validate('json', resolutionSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const sheetId = await resolveThread(c.get('db'), {
          actor,
          by,
          threadId: c.req.valid('param').id,
          ...c.req.valid('json'),
        });
        return c.json((await listThreads(c.get('db'), sheetId)) satisfies CommentThreads);
      },
    );
