import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { backupDatabaseToFile, backupStreamToFile } from '../../db/backup/backup-file';
import { openDatabase } from '../../db/client';
import { DataDirLockedError } from '../../db/data-dir-lock';
import { controlErrorSchema } from '../../schemas/backup';
import { AppError } from '../../server/app-error';
import { parseEnv } from '../../server/env';
import { type ControlFile, controlFileName } from '../../server/features/backup/control-channel';
import { formatBackupSummary } from '../../server/features/backup/format-backup-summary';
import { argsRefused } from '../args-refused';

const usage = `使い方: mokuhyo backup --out ファイル
  すべてのテーブル（ユーザー・役割・シート・履歴・スナップショット・訂正、全年度）を一つのファイルに書き出します。
  サーバーが動いていても取れます。組み込みモードでは動いているサーバーに依頼し、
  PostgreSQL（DATABASE_URL）では一つの読み取り専用トランザクションで読みます。`;

async function readControlFile(dataDir: string): Promise<ControlFile | null> {
  try {
    const value = JSON.parse(await readFile(join(dataDir, controlFileName), 'utf8')) as Partial<ControlFile>;
    return typeof value.url === 'string' && typeof value.token === 'string' && typeof value.pid === 'number'
      ? (value as ControlFile)
      : null;
  } catch {
    return null;
  }
}

/** The data directory is the running server's: ask it over its control channel. */
async function askRunningServer(dataDir: string, out: string, locked: DataDirLockedError) {
  const control = await readControlFile(dataDir);
  const cannot = (why: string) =>
    new AppError(
      'unavailable',
      `${locked.message}\n稼働中のプロセスにバックアップを依頼できませんでした（${why}）。` +
        'サーバーならこの版の mokuhyo で起動し直してください。コマンドの実行中なら、終わってからもう一度実行してください。',
    );
  if (!control || control.pid !== locked.pid) throw cannot(`${controlFileName} がありません`);
  let response: Response;
  try {
    response = await fetch(`${control.url}/backup`, {
      method: 'POST',
      headers: { authorization: `Bearer ${control.token}` },
    });
  } catch {
    throw cannot(`${control.url} に接続できません`);
  }
  if (!response.ok || !response.body) {
    const parsed = controlErrorSchema.safeParse(await response.json().catch(() => null));
    throw cannot(parsed.success ? parsed.data.error.message : `HTTP ${response.status}`);
  }
  return backupStreamToFile(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream), out);
}

/** `mokuhyo backup --out FILE`: a full, consistent backup, while the server runs or not. */
export async function backupCommand(args: string[]): Promise<void> {
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ args, options: { out: { type: 'string', short: 'o' } }, strict: true }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  if (!out)
    throw new AppError('invalid', usage, [{ path: 'out', message: '書き出すファイルを指定してください' }]);
  const file = resolve(out);
  const env = parseEnv();
  const started = performance.now();
  let via: string;
  let summary: Awaited<ReturnType<typeof backupDatabaseToFile>>;
  if (env.DATABASE_URL) {
    const database = await openDatabase({ engine: 'postgres', url: env.DATABASE_URL, migrate: false });
    try {
      summary = await backupDatabaseToFile(database, file);
      via = 'PostgreSQL、読み取り専用トランザクション';
    } finally {
      await database.close();
    }
  } else {
    if (!existsSync(join(env.dataDir, 'PG_VERSION'))) {
      throw new AppError(
        'invalid',
        `データディレクトリ ${env.dataDir} にデータベースがありません。MOKUHYO_DATA_DIR を確かめてください。`,
      );
    }
    try {
      const database = await openDatabase({ engine: 'pglite', dataDir: env.dataDir, migrate: false });
      try {
        summary = await backupDatabaseToFile(database, file);
        via = '組み込み、このコマンドが直接';
      } finally {
        await database.close();
      }
    } catch (error) {
      if (!(error instanceof DataDirLockedError)) throw error;
      summary = await askRunningServer(env.dataDir, file, error);
      via = `組み込み、稼働中のサーバー（PID ${error.pid}）経由`;
    }
  }
  console.log(
    `${file} にバックアップを書き出しました（${formatBackupSummary(summary, started, summary.bytes)}、${via}）。`,
  );
  for (const [table, rows] of Object.entries(summary.rowsByTable)) {
    console.log(`  ${table}: ${rows.toLocaleString('ja-JP')}行`);
  }
}
