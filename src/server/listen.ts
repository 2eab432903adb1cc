import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { EarlyAnswer } from './answer-from-memory';

type Bindings = HttpBindings | Http2Bindings;
type Handler = (request: Request, bindings: Bindings) => Response | Promise<Response>;

const starting: Handler = () =>
  Response.json({ status: 'starting', message: '起動中です。しばらくお待ちください。' }, { status: 503 });

/**
 * Listen at once, answering 503 until `serveApp` hands over the app. The Node bindings
 * (the request's socket) go along with every request: the app reads the client's address
 * from them (src/server/client-address.ts). `early` may answer a request on the socket
 * before the app sees it (src/server/answer-from-memory.ts).
 */
export function listen(
  options: { port: number; hostname: string },
  onListening?: (info: AddressInfo) => void,
) {
  let handler = starting;
  let early: EarlyAnswer = () => false;
  const toApp = getRequestListener((request, bindings) => handler(request, bindings), {
    hostname: options.hostname,
  });
  const server = createServer((request, response) => {
    try {
      if (early(request, response)) return;
    } catch (error) {
      // Not the app's to pay for: the request goes to the app, which answers it (or says why not).
      console.error('answering early:', error);
      if (response.headersSent) return void response.destroy();
    }
    void toApp(request, response);
  });
  server.listen(options.port, options.hostname, () => onListening?.(server.address() as AddressInfo));
  return {
    server,
    serveApp(
      app: { fetch: (request: Request, bindings: Bindings) => Response | Promise<Response> },
      answerEarly?: EarlyAnswer,
    ) {
      handler = (request, bindings) => app.fetch(request, bindings);
      early = answerEarly ?? (() => false);
    },
  };
}
