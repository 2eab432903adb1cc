import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeBackup } from '../../../db/backup/write-backup';
import type { Database } from '../../../db/client';
import { formatBackupSummary } from './format-backup-summary';

/**
 * Where a running embedded server can be asked for a backup: a loopback address and a random
 * token, in a file beside the data directory's lock that only its owner can read (0600).
 */
export const controlFileName = 'mokuhyo.control.json';

export interface ControlFile {
  pid: number;
  url: string;
  token: string;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function authorized(request: IncomingMessage, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token));
}

function answer(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ error: { message } }));
}

/**
 * In embedded mode the data directory stays locked to the server, so `mokuhyo backup` asks it:
 * POST /backup with the token answers the backup itself (gzip), taken in one transaction. The
 * channel listens on 127.0.0.1 only, on a port of its own (never the app's, whatever HOST is).
 * Returns the function that closes it and removes the file.
 */
export async function startControlChannel(options: {
  database: Database;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<() => Promise<void>> {
  const { database, dataDir, log = console.log } = options;
  const token = randomBytes(32).toString('base64url');
  const server = createServer((request, response) => {
    if (request.method !== 'POST' || request.url !== '/backup')
      return answer(response, 404, '不明な要求です。');
    if (!authorized(request, token)) return answer(response, 401, 'トークンが正しくありません。');
    const started = performance.now();
    response.writeHead(200, { 'content-type': 'application/gzip' });
    writeBackup(database, response).then(
      (summary) => log(`バックアップ（コマンドラインの依頼）: ${formatBackupSummary(summary, started)}`),
      (error: unknown) => {
        log(`バックアップ（コマンドラインの依頼）に失敗しました: ${(error as Error).message}`);
        response.destroy(error as Error);
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const file = join(dataDir, controlFileName);
  const control: ControlFile = { pid: process.pid, url: `http://127.0.0.1:${port}`, token };
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(control), { mode: 0o600 });
  await rename(temp, file);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(file, { force: true });
  };
}
