import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';

export const requestIdHeader = 'x-request-id';

/**
 * The id a request is logged and answered under: the one the client (or its proxy) sent in
 * X-Request-Id when it is up to 255 word characters, `-` or `=`; otherwise a new UUID.
 */
export function requestIdFor(sent: string | undefined): string {
  return sent && sent.length <= 255 && !/[^\w\-=]/.test(sent) ? sent : randomUUID();
}

export const requestId = createMiddleware<AppEnv>(async (c, next) => {
  const id = requestIdFor(c.req.header(requestIdHeader));
  c.set('requestId', id);
  c.header(requestIdHeader, id);
  await next();
});
