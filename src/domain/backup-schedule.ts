/** When scheduled backups run: daily at a local time, or every so many hours from start-up. */
export type BackupSchedule =
  | { kind: 'daily'; hour: number; minute: number }
  | { kind: 'interval'; hours: number };

/** The next moment a scheduled backup is due, strictly after `now` (daily times are local). */
export function nextBackupAt(schedule: BackupSchedule, now: Date): Date {
  if (schedule.kind === 'interval') return new Date(now.getTime() + schedule.hours * 3_600_000);
  const next = new Date(now);
  next.setHours(schedule.hour, schedule.minute, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next;
}

const backupNamePattern = /^mokuhyo-backup-\d{8}T\d{6}Z\.ndjson\.gz$/;

/** The file name of a scheduled backup: the UTC time it was taken, so names sort by age. */
export function scheduledBackupName(at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `mokuhyo-backup-${stamp}.ndjson.gz`;
}

/**
 * Which scheduled backups to remove so that the `keep` newest remain. Only names this schedule
 * writes count: anything else in the folder is left alone.
 */
export function backupsToRemove(names: readonly string[], keep: number): string[] {
  const ours = names.filter((n) => backupNamePattern.test(n)).sort();
  return ours.slice(0, Math.max(0, ours.length - keep));
}
