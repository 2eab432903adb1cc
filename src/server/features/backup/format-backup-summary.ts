import type { BackupSummary } from '../../../schemas/backup';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** One line for the log and the command: tables, rows, and the time (and size) it took. */
export function formatBackupSummary(summary: BackupSummary, startedAt: number, bytes?: number): string {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  const size = bytes === undefined ? '' : `・${formatBytes(bytes)}`;
  return `${summary.tables}テーブル・${summary.rows.toLocaleString('ja-JP')}行${size}・${seconds}秒`;
}
