import { Hono } from 'hono';
import {
  newUserSchema,
  userDetailSchema,
  userEditSchema,
  userListSchema,
  userParam,
  usersQuery,
  userWithPasswordSchema,
} from '../../../schemas/users';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { createAccount } from './create-account';
import { listUsers, userDetail } from './list-users';
import { deactivateUser, reactivateUser, resetPassword, updateUser } from './manage-users';

const access = '管理者（自分の自治体）・システム管理者';

/** ユーザー管理: a municipality's accounts (`?municipality=` for a システム管理者). */
export const usersRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: 'ユーザーの一覧（役割・状態・最終ログイン）',
        description:
          'municipality を省くと自分の自治体。ほかの自治体を指定できるのはシステム管理者だけです。',
        response: userListSchema,
        access,
      }),
      validate('query', usersQuery),
      async (c) => {
        c.header('cache-control', 'no-store');
        return c.json(await listUsers(c.get('db'), c.get('actor'), c.req.valid('query').municipality));
      },
    )
    .post(
      '/',
      doc({
        summary: 'ユーザーを作成',
        description:
          'password を省くと仮パスワードを発行し、この応答で一度だけ返します（初回ログイン時に変更が必要）。作成は記録に残ります（パスワードは残しません）。',
        response: userWithPasswordSchema,
        status: 201,
        access,
      }),
      validate('query', usersQuery),
      validate('json', newUserSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const created = await createAccount(c.get('db'), {
          actor,
          by,
          municipality: c.req.valid('query').municipality,
          input: c.req.valid('json'),
        });
        return c.json(created, 201);
      },
    )
    .get(
      '/:id',
      doc({ summary: 'ユーザーとその記録（新しい順）', response: userDetailSchema, access }),
      validate('param', userParam),
      async (c) => {
        c.header('cache-control', 'no-store');
        return c.json(await userDetail(c.get('db'), c.get('actor'), c.req.valid('param').id));
      },
    )
    .put(
      '/:id',
      doc({
        summary: 'ユーザーの表示名・メールアドレス・役割を変更',
        description:
          '役割は全体を置き換えます。lastChangeId が最新の記録と違う（開いたあとにほかの人が変更した）ときは 409 で、何も変更しません。',
        response: userDetailSchema,
        access,
      }),
      validate('param', userParam),
      validate('json', userEditSchema),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        await updateUser(c.get('db'), { actor, by, userId: id, edit: c.req.valid('json') });
        return c.json(await userDetail(c.get('db'), actor, id));
      },
    )
    .post(
      '/:id/deactivate',
      doc({
        summary: 'ユーザーを利用停止（ログイン中のセッションも終了）',
        description: '自分自身は利用停止にできません。',
        response: userDetailSchema,
        access,
      }),
      validate('param', userParam),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        await deactivateUser(c.get('db'), { actor, by, userId: id });
        return c.json(await userDetail(c.get('db'), actor, id));
      },
    )
    .post(
      '/:id/reactivate',
      doc({ summary: '利用停止したユーザーの利用を再開', response: userDetailSchema, access }),
      validate('param', userParam),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        await reactivateUser(c.get('db'), { actor, by, userId: id });
        return c.json(await userDetail(c.get('db'), actor, id));
      },
    )
    .post(
      '/:id/reset-password',
      doc({
        summary: 'パスワードを再設定（仮パスワードを発行）',
        description:
          '仮パスワードはこの応答で一度だけ返します。次のログインで変更が必要になり、ログイン中のセッションは終了します。',
        response: userWithPasswordSchema,
        access,
      }),
      validate('param', userParam),
      async (c) => {
        const { actor, by } = signedIn(c);
        const { id } = c.req.valid('param');
        const temporaryPassword = await resetPassword(c.get('db'), { actor, by, userId: id });
        c.header('cache-control', 'no-store');
        return c.json({ detail: await userDetail(c.get('db'), actor, id), temporaryPassword });
      },
    );
