/**
 * Servers for `bench/variants.ts`: the same sheet bytes served by progressively more of the
 * app's stack, to see where the app's time per request goes.
 *
 * Env: VARIANT (see `variants`), PORT, HOST (default 127.0.0.1), BODY_FILE, CONTENT_TYPE.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { Hono, type MiddlewareHandler } from 'hono';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { pageSecurityHeaders } from '../src/server/app';

const port = Number(process.env.PORT ?? '0');
const host = process.env.HOST ?? '127.0.0.1';
const contentType = process.env.CONTENT_TYPE ?? 'application/json; charset=utf-8';
const bytes = readFileSync(process.env.BODY_FILE ?? '');
const text = bytes.toString('utf8');

/** The app's own page security headers (src/server/app.ts), as a factory like the others. */
const appSecureHeaders = () => pageSecurityHeaders;

interface HonoVariant {
  middleware: Array<() => MiddlewareHandler>;
  /** Validate `:id` as a uuid with zod, as the sheet route does. */
  validate: boolean;
  body: 'string' | 'bytes';
}

const honoVariants: Record<string, HonoVariant> = {
  'hono-bytes': { middleware: [], validate: false, body: 'bytes' },
  'hono-string': { middleware: [], validate: false, body: 'string' },
  'hono-string+requestId': { middleware: [requestId], validate: false, body: 'string' },
  'hono-string+secureHeaders': { middleware: [appSecureHeaders], validate: false, body: 'string' },
  'hono-string+validator': { middleware: [], validate: true, body: 'string' },
  'hono-string+all': { middleware: [requestId, appSecureHeaders], validate: true, body: 'string' },
  'hono-bytes+all': { middleware: [requestId, appSecureHeaders], validate: true, body: 'bytes' },
};

const variant = process.env.VARIANT ?? '';
const etag = '"bench"';

function listening(actualPort: number) {
  console.log(`variant ${variant} listening on http://${host}:${actualPort}/`);
}

if (variant === 'node-bytes' || variant === 'node-string') {
  const length = String(bytes.length);
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': length, etag });
    response.end(variant === 'node-bytes' ? bytes : text);
  });
  server.listen(port, host, () => {
    const address = server.address();
    listening(typeof address === 'object' && address ? address.port : port);
  });
  process.on('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
} else {
  const config = honoVariants[variant];
  if (!config) {
    console.error(
      `unknown VARIANT ${variant}; one of node-bytes, node-string, ${Object.keys(honoVariants).join(', ')}`,
    );
    process.exit(2);
  }
  const app = new Hono();
  for (const make of config.middleware) app.use(make());
  const body = config.body === 'bytes' ? new Uint8Array(bytes) : text;
  const respond = (c: Parameters<MiddlewareHandler>[0]) =>
    typeof body === 'string'
      ? c.body(body, 200, { 'content-type': contentType, etag })
      : c.body(body, 200, { 'content-type': contentType, etag });
  const sheetParam = z.object({ id: z.uuid() });
  if (config.validate) app.get('/api/v1/sheets/:id', zValidator('param', sheetParam), respond);
  else app.get('/api/v1/sheets/:id', respond);
  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => listening(info.port));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}
