import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type BackupSummary, backupSummary } from '../../schemas/backup';
import type { Database } from '../client';
import { readBackup } from './read-backup';
import { writeBackup } from './write-backup';

/** Read a whole backup file through, checking every table's rows against its header. */
async function verifyBackupFile(file: string): Promise<BackupSummary & { bytes: number }> {
  const header = await readBackup(createReadStream(file), {
    batchSize: () => 1000,
    batch: async () => {},
  });
  return { ...backupSummary(header), bytes: (await stat(file)).size };
}

/**
 * Write a backup file atomically: into a temporary file beside it, read back and checked whole,
 * then renamed into place. A backup cut short never takes the name of a good one.
 */
async function writeBackupFile(
  file: string,
  produce: (temp: string) => Promise<void>,
): Promise<BackupSummary & { bytes: number }> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    await produce(temp);
    const summary = await verifyBackupFile(temp);
    await rename(temp, file);
    return summary;
  } finally {
    await rm(temp, { force: true });
  }
}

/** A backup of an open database into a file (atomically). */
export function backupDatabaseToFile(
  database: Database,
  file: string,
): Promise<BackupSummary & { bytes: number }> {
  return writeBackupFile(file, async (temp) => {
    await writeBackup(database, createWriteStream(temp, { mode: 0o600 }));
  });
}

/** A backup that arrives as a stream (from the running server) into a file (atomically). */
export function backupStreamToFile(
  source: Readable,
  file: string,
): Promise<BackupSummary & { bytes: number }> {
  return writeBackupFile(file, async (temp) => {
    await pipeline(source, createWriteStream(temp, { mode: 0o600 }));
  });
}
