import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * What tells one process apart from a later one that got the same PID: its start time, the
 * boot it runs in and the host. Linux gives exact values in /proc; elsewhere `ps` gives the
 * start time to the second and there is no boot id.
 */
export interface ProcessIdentity {
  pid: number;
  /** `proc:<clock ticks after boot>` (Linux, /proc/<pid>/stat field 22) or `ps:<lstart>`; null if unknown. */
  startTime: string | null;
  /** /proc/sys/kernel/random/boot_id; null where the system has none. */
  bootId: string | null;
  hostname: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Field 22 of /proc/<pid>/stat: after the command name in parentheses (which may hold spaces). */
function procStartTicks(pid: number): string | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // The text after ") " starts with field 3 (state): field 22 is index 19.
  const ticks = fields[19];
  return ticks && /^\d+$/.test(ticks) ? ticks : null;
}

function psStart(pid: number): string | null {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, LC_ALL: 'C', TZ: 'UTC' },
    }).trim();
    return out === '' ? null : out;
  } catch {
    return null;
  }
}

const onLinux = process.platform === 'linux';

/** The start time of a running process as an opaque token; null when it cannot be read. */
export function processStartTime(pid: number): string | null {
  if (onLinux) {
    const ticks = procStartTicks(pid);
    if (ticks !== null) return `proc:${ticks}`;
  }
  const lstart = psStart(pid);
  return lstart === null ? null : `ps:${lstart}`;
}

/**
 * When a process started, in ms since the epoch (to the 1/100 s on Linux, to the second through
 * `ps`); null when unknown. Used for lock files of the old format, which hold only a PID.
 */
export function processStartedAt(pid: number): number | null {
  if (onLinux) {
    const ticks = procStartTicks(pid);
    const bootTime = readText('/proc/stat')?.match(/^btime (\d+)$/m)?.[1];
    // USER_HZ, the unit of /proc's clock ticks, is 100 on every Linux architecture Node runs on.
    if (ticks !== null && bootTime) return Number(bootTime) * 1000 + Number(ticks) * 10;
  }
  const lstart = psStart(pid);
  if (lstart === null) return null;
  const at = Date.parse(`${lstart} UTC`);
  return Number.isNaN(at) ? null : at;
}

export function currentBootId(): string | null {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || null;
}

export function currentIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: currentBootId(),
    hostname: hostname(),
  };
}

/** Does a process with this PID exist (whoever owns it)? */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
