import { createMiddleware } from 'hono/factory';

/** JSON is never rendered as a page: it needs only not to be sniffed into one or framed. */
export const apiHeaders = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' } as const;

export const apiSecurityHeaders = createMiddleware(async (c, next) => {
  // Set before the response exists: touching a finished response's headers makes the Node
  // adapter build a full Response object, which costs more than the rest of a cached read.
  for (const [name, value] of Object.entries(apiHeaders)) c.header(name, value);
  await next();
});
