import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { maxWorkbookBytes } from '../../imports/xlsx/bytes';
import { AppError } from '../app-error';

/** How large a request body a route takes, and what a sender of a larger one is told. */
export interface BodyLimit {
  maxBytes: number;
  message: string;
}

const megabyte = 1024 * 1024;

function tooLarge(maxBytes: number, what = '送信されたデータ'): BodyLimit {
  return { maxBytes, message: `${what}が大きすぎます（上限 ${maxBytes / megabyte} MB）。` };
}

/**
 * Every route's limit is one of these. JSON requests are small; a sheet save carries the whole
 * sheet (the largest sample sheet's save is about 17 KB, see body-limit.test.ts: 4 MB is some
 * 200 times that); an uploaded file (Excel or interchange JSON) keeps the file limit.
 */
export const bodyLimits = {
  json: tooLarge(1 * megabyte),
  sheet: tooLarge(4 * megabyte),
  upload: {
    maxBytes: maxWorkbookBytes + 1024,
    message: `取り込むファイルが大きすぎます（上限 ${maxWorkbookBytes / megabyte} MB）。`,
  },
} as const satisfies Record<string, BodyLimit>;

export const bodyLimitKey = Symbol('mokuhyo.bodyLimit');

/**
 * Says that a route takes a body larger than the JSON default. Only a mark, read from the
 * route table (like `doc()`): the limit is enforced by `limitRequestBodies`, which runs first.
 */
export function acceptsBody(limit: BodyLimit): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(middleware, { [bodyLimitKey]: limit });
}

/**
 * The first thing every request meets: a body over its route's limit is refused with 413
 * before anything reads it — before the session, CSRF and any parsing. A declared
 * Content-Length is judged without touching the body; a chunked body (or one of unknown
 * length) is counted as it streams in and refused the moment it passes the limit, so at most
 * the limit is ever held in memory. The 413 says `Connection: close`: Node answers, then closes
 * the connection instead of reading the rest of the upload.
 */
export function limitRequestBodies(limitOf: (c: Context) => BodyLimit): MiddlewareHandler {
  return createMiddleware(async (c, next) => {
    const limit = limitOf(c);
    const refuse = (): never => {
      c.header('connection', 'close');
      throw new AppError('too_large', limit.message, [{ path: '', message: limit.message }]);
    };
    const declared = c.req.header('content-length');
    const chunked = c.req.header('transfer-encoding') !== undefined;
    // A GET or HEAD that declares no body has none (a Request made in-process cannot carry one):
    // checking it the stream way would build the whole fetch Request for nothing.
    if (declared === undefined && !chunked && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      await next();
      return;
    }
    if (declared !== undefined && !chunked) {
      if (Number(declared) > limit.maxBytes) refuse();
      await next();
      return;
    }
    await bodyLimit({ maxSize: limit.maxBytes, onError: refuse })(c, next);
  });
}
