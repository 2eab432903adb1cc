import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { judgeLock, type LockProbe, type LockRecord, parseLockFile } from './lock-verdict';
import { currentIdentity, isPidAlive, processStartedAt, processStartTime } from './process-identity';

export const lockFileName = 'mokuhyo.lock';

/** Raised when another live process already holds the data directory. */
export class DataDirLockedError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number, host?: string) {
    super(
      host
        ? `データディレクトリ ${dir} は別のコンピューター（${host}）のプロセス（PID ${pid}）が使用中です。` +
            '同じディレクトリを二つのプロセスで開くとデータが壊れるため起動を中止しました。' +
            `${host} で mokuhyo が動いていないことを確かめてから、${join(dir, lockFileName)} を削除してください。`
        : `データディレクトリ ${dir} は別のプロセス（PID ${pid}）が使用中です。` +
            '同じディレクトリを二つのプロセスで開くとデータが壊れるため起動を中止しました。' +
            '先に起動しているプロセスを停止するか、MOKUHYO_DATA_DIR で別のディレクトリを指定してください。',
    );
    this.name = 'DataDirLockedError';
    this.dir = dir;
    this.pid = pid;
  }
}

const probe: LockProbe = {
  self: currentIdentity(),
  isAlive: isPidAlive,
  startTime: processStartTime,
  startedAt: processStartedAt,
};

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function readLock(path: string): { text: string; record: LockRecord } | null {
  try {
    const text = readFileSync(path, 'utf8');
    return { text, record: parseLockFile(text, statSync(path).mtimeMs) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Create the lock file with its whole content at once: written to a private file, then
 * hard-linked to the lock's name, which fails if the lock exists (exclusive create, and nobody
 * ever reads a half-written lock). Where hard links are not supported, an exclusive open.
 */
function createExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o644);
    writeSync(fd, content);
    closeSync(fd);
    try {
      linkSync(temp, path);
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    }
  } finally {
    rmSync(temp, { force: true });
  }
  try {
    const fd = openSync(path, 'wx', 0o644);
    writeSync(fd, content);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Remove a stale lock only if it is still the very file judged stale; a takeover guard (an
 * exclusive file of its own, itself dropped when older than 10 s) keeps two starters from
 * both removing it and each believing it holds the directory.
 */
function removeIfUnchanged(path: string, staleText: string): void {
  const guard = `${path}.takeover`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      closeSync(openSync(guard, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(guard).mtimeMs > 10_000) rmSync(guard, { force: true });
      } catch {
        // Gone meanwhile: try again.
      }
      sleepSync(20);
      continue;
    }
    try {
      const now = readLock(path);
      if (now && now.text === staleText) rmSync(path, { force: true });
      return;
    } finally {
      rmSync(guard, { force: true });
    }
  }
}

/**
 * PGlite takes no lock on its directory, so two processes would silently diverge. Take an
 * exclusive lock file naming this process (PID, start time, boot id, host name). A lock whose
 * process is gone — no such PID, a PID now used by a process started at another time, a lock
 * from before a reboot — is stale and taken over without anyone's hand; a lock of a live holder
 * refuses with a clear message. Returns the function that releases it.
 */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, lockFileName);
  const content = `${JSON.stringify({ ...probe.self, createdAt: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusive(path, content)) {
      return () => {
        const now = readLock(path);
        if (now?.text === content) rmSync(path, { force: true });
      };
    }
    const held = readLock(path);
    if (!held) continue;
    const verdict = judgeLock(held.record, probe);
    if (verdict.kind === 'held') throw new DataDirLockedError(dir, held.record.pid);
    if (verdict.kind === 'elsewhere') throw new DataDirLockedError(dir, held.record.pid, verdict.host);
    removeIfUnchanged(path, held.text);
  }
  throw new Error(`ロックファイル ${path} を作成できませんでした。`);
}

/** Who holds the directory's lock now, if anyone (for the backup command's message). */
export function lockHolder(dir: string): LockRecord | null {
  return readLock(join(dir, lockFileName))?.record ?? null;
}
