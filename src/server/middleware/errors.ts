import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../app-error';

/** Every failure leaves as `{ error: { code, message, issues } }` with a status from one table. */
export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof AppError) return c.json(error.toJSON(), error.status);
  if (error instanceof HTTPException) {
    const status = error.status;
    const appError =
      status === 413
        ? new AppError('too_large', '送信された内容が大きすぎます。')
        : status === 400
          ? new AppError('invalid', 'リクエストの形式が正しくありません。')
          : null;
    if (appError) return c.json(appError.toJSON(), appError.status);
    return error.getResponse();
  }
  console.error(`[${c.get('requestId') ?? '-'}]`, error);
  return c.json(
    {
      error: {
        code: 'internal',
        message: 'システムで問題が発生しました。時間をおいてもう一度お試しください。',
        issues: [],
        requestId: c.get('requestId'),
      },
    },
    500,
  );
};

export const handleNotFound: NotFoundHandler = (c) =>
  c.json(new AppError('not_found', 'お探しのページまたはデータは見つかりませんでした。').toJSON(), 404);
