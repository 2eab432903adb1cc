import type { AddressInfo } from 'node:net';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';

type Bindings = HttpBindings | Http2Bindings;
type Handler = (request: Request, bindings: Bindings) => Response | Promise<Response>;

const starting: Handler = () =>
  Response.json({ status: 'starting', message: '起動中です。しばらくお待ちください。' }, { status: 503 });

/**
 * Listen at once, answering 503 until `serveApp` hands over the app. The Node bindings
 * (the request's socket) go along with every request: the app reads the client's address
 * from them (src/server/client-address.ts).
 */
export function listen(
  options: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
) {
  let handler = starting;
  const server = serve(
    {
      fetch: (request, bindings) => handler(request, bindings),
      port: options.port,
      hostname: options.hostname,
    },
    onListening,
  );
  return {
    server,
    serveApp(app: { fetch: (request: Request, bindings: Bindings) => Response | Promise<Response> }) {
      handler = (request, bindings) => app.fetch(request, bindings);
    },
  };
}
