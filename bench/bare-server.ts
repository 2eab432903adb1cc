/**
 * The baseline for the one-sheet throughput figure: a bare `node:http` server that answers every
 * request with the same bytes and content-type the app serves for one sheet.
 *
 * Env: PORT, HOST (default 127.0.0.1), BODY_FILE (the bytes), CONTENT_TYPE.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? '0');
const host = process.env.HOST ?? '127.0.0.1';
const bodyFile = process.env.BODY_FILE;
const contentType = process.env.CONTENT_TYPE ?? 'application/json; charset=utf-8';
if (!bodyFile) {
  console.error('bare-server: BODY_FILE is required');
  process.exit(2);
}
const body = readFileSync(bodyFile);
const headers = { 'content-type': contentType, 'content-length': String(body.length) };

const server = createServer((_request, response) => {
  response.writeHead(200, headers);
  response.end(body);
});
server.listen(port, host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`bare-server listening on http://${host}:${actualPort}/ (${body.length} bytes)`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
