import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backupDatabaseToFile } from '../../../db/backup/backup-file';
import type { Database } from '../../../db/client';
import { backupsToRemove, nextBackupAt, scheduledBackupName } from '../../../domain/backup-schedule';
import type { BackupConfig } from '../../env';
import { type BackupLeader, postgresBackupLeader } from './backup-leader';
import { formatBackupSummary } from './format-backup-summary';

export interface ScheduledBackupResult {
  file: string;
  removed: string[];
  bytes: number;
  rows: number;
}

/**
 * One scheduled backup: if this server leads (always, on PGlite; on PostgreSQL the one holding the
 * advisory lock), a backup into the folder under a name of its UTC time (written atomically),
 * then the oldest beyond `keep` removed. Each is logged. Returns null when another server leads.
 */
export async function takeScheduledBackup(options: {
  database: Database;
  config: Pick<BackupConfig, 'dir' | 'keep'>;
  leader: BackupLeader | null;
  now?: Date;
  log?: (line: string) => void;
}): Promise<ScheduledBackupResult | null> {
  const { database, config, leader, now = new Date(), log = console.log } = options;
  if (leader && !(await leader.tryLead())) {
    log('定期バックアップ: 別のアプリサーバーが取得するため、このサーバーでは取りません');
    return null;
  }
  const started = performance.now();
  await mkdir(config.dir, { recursive: true });
  const file = join(config.dir, scheduledBackupName(now));
  const summary = await backupDatabaseToFile(database, file);
  const removed = backupsToRemove(await readdir(config.dir), config.keep);
  for (const name of removed) await rm(join(config.dir, name), { force: true });
  log(
    `定期バックアップ: ${file}（${formatBackupSummary(summary, started, summary.bytes)}）` +
      (removed.length > 0 ? `、古いバックアップ ${removed.length}件を削除（保存数 ${config.keep}）` : ''),
  );
  return { file, removed, bytes: summary.bytes, rows: summary.rows };
}

/**
 * Run scheduled backups until stopped. A backup still running when the next is due is not
 * doubled; a failed one is logged and the schedule goes on. Returns the function that stops.
 */
export function startBackupSchedule(options: {
  database: Database;
  config: BackupConfig;
  /** The PostgreSQL URL, for choosing one server among several (pg_try_advisory_lock). */
  databaseUrl?: string;
  log?: (line: string) => void;
}): () => Promise<void> {
  const { database, config, log = console.log } = options;
  const leader = options.databaseUrl ? postgresBackupLeader(options.databaseUrl) : null;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const plan = () => {
    const at = nextBackupAt(config.schedule, new Date());
    // setTimeout holds at most ~24.8 days; the longest schedule is a week.
    timer = setTimeout(run, Math.max(0, at.getTime() - Date.now()));
    timer.unref();
  };
  const run = () => {
    running = takeScheduledBackup({ database, config, leader, log })
      .catch((error: unknown) => log(`定期バックアップに失敗しました: ${(error as Error).message}`))
      .finally(() => {
        if (!stopped) plan();
      });
  };
  log(
    `定期バックアップ: ${config.dir} へ、${
      config.schedule.kind === 'daily'
        ? `毎日 ${String(config.schedule.hour).padStart(2, '0')}:${String(config.schedule.minute).padStart(2, '0')}`
        : `${config.schedule.hours}時間ごと`
    }（保存数 ${config.keep}）`,
  );
  plan();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await leader?.release();
  };
}
