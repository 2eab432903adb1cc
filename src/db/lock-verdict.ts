import type { ProcessIdentity } from './process-identity';

/** What a lock file says about its holder. Old lock files hold only a PID. */
export interface LockRecord {
  pid: number;
  startTime: string | null;
  bootId: string | null;
  hostname: string | null;
  /** When the lock file was last written (its mtime), ms since the epoch. */
  writtenAt: number;
}

/** The checks `judgeLock` makes on the running system (injected so the rules can be tested). */
export interface LockProbe {
  self: ProcessIdentity;
  isAlive(pid: number): boolean;
  startTime(pid: number): string | null;
  startedAt(pid: number): number | null;
}

export type LockVerdict =
  | { kind: 'held' }
  | { kind: 'elsewhere'; host: string }
  | { kind: 'stale'; reason: 'self' | 'unreadable' | 'rebooted' | 'gone' | 'pid-reused' };

/** A lock file of either format; anything unreadable is a record with no PID. */
export function parseLockFile(text: string, writtenAt: number): LockRecord {
  const none = { startTime: null, bootId: null, hostname: null, writtenAt };
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), ...none };
  try {
    const value = JSON.parse(trimmed) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      pid: Number.isSafeInteger(value.pid) ? (value.pid as number) : 0,
      startTime: str(value.startTime),
      bootId: str(value.bootId),
      hostname: str(value.hostname),
      writtenAt,
    };
  } catch {
    return { pid: 0, ...none };
  }
}

/** A process that started this long after its supposed lock was written cannot have written it. */
const startSlackMs = 2_000;

/**
 * Is the lock's holder still running? The same PID is not enough: after a crash the PID may
 * belong to another process by now. Rules, in order:
 * - a lock of another host cannot be checked from here: held (the message names the host);
 * - a lock from another boot of this host is stale;
 * - no process with the PID: stale;
 * - the PID's process started at another time than the holder did: stale (PID reused);
 * - an old lock (PID only) whose PID's process started after the lock was written: stale.
 */
export function judgeLock(record: LockRecord, probe: LockProbe): LockVerdict {
  if (!Number.isSafeInteger(record.pid) || record.pid <= 0) return { kind: 'stale', reason: 'unreadable' };
  if (record.hostname !== null && record.hostname !== probe.self.hostname) {
    return { kind: 'elsewhere', host: record.hostname };
  }
  if (record.bootId !== null && probe.self.bootId !== null && record.bootId !== probe.self.bootId) {
    return { kind: 'stale', reason: 'rebooted' };
  }
  if (record.pid === probe.self.pid) return { kind: 'stale', reason: 'self' };
  if (!probe.isAlive(record.pid)) return { kind: 'stale', reason: 'gone' };
  if (record.startTime !== null) {
    const now = probe.startTime(record.pid);
    return now !== null && now !== record.startTime
      ? { kind: 'stale', reason: 'pid-reused' }
      : { kind: 'held' };
  }
  const startedAt = probe.startedAt(record.pid);
  return startedAt !== null && startedAt > record.writtenAt + startSlackMs
    ? { kind: 'stale', reason: 'pid-reused' }
    : { kind: 'held' };
}
