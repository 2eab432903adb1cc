import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../../db/backup/restore-backup';
import { openDatabase } from '../../db/client';
import { AppError } from '../../server/app-error';
import { databaseOptions, type Env, parseEnv } from '../../server/env';
import { formatBackupSummary } from '../../server/features/backup/format-backup-summary';
import { argsRefused } from '../args-refused';

const usage = `使い方: mokuhyo restore バックアップファイル
  mokuhyo backup で書き出したファイルを、空のデータディレクトリ（MOKUHYO_DATA_DIR）か
  空のデータベース（DATABASE_URL。DATABASE_MIGRATION_URL があればテーブルの所有者として）に復元します。データのあるところには復元しません。`;

/**
 * The database a restore writes into, as the owner of its tables: a restore creates the schema
 * (migrations) and inserts into the history tables.
 */
function restoreTarget(env: Env) {
  return openDatabase({ ...databaseOptions(env), as: 'owner', migrate: false });
}

/** `mokuhyo restore FILE`: a backup into an empty data directory or database. */
export async function restoreCommand(args: string[]): Promise<void> {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, allowPositionals: true, options: {}, strict: true }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new AppError('invalid', usage);
  const file = resolve(path);
  if (!existsSync(file)) throw new AppError('invalid', `${path}: ファイルが見つかりません。`);
  const env = parseEnv();
  const started = performance.now();
  const database = await restoreTarget(env);
  try {
    const summary = await restoreBackup(database, file);
    const target = env.DATABASE_URL ? 'PostgreSQL（DATABASE_URL）' : `組み込みデータベース（${env.dataDir}）`;
    console.log(
      `${target}に復元しました（${formatBackupSummary(summary, started)}、${summary.createdAt} に取ったバックアップ）。`,
    );
    for (const [table, rows] of Object.entries(summary.rowsByTable)) {
      console.log(`  ${table}: ${rows.toLocaleString('ja-JP')}行`);
    }
  } finally {
    await database.close();
  }
}
