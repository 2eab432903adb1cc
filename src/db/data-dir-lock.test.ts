import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './data-dir-lock';
import { judgeLock, type LockProbe, type LockVerdict, parseLockFile } from './lock-verdict';
import { currentBootId, processStartTime } from './process-identity';

let dir: string;
const children: ChildProcess[] = [];

function sleeper(): ChildProcess {
  const child = spawn('sleep', ['60'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

/** A real holder: another process that takes the lock and keeps it until killed. */
async function holder(dataDir: string): Promise<ChildProcess> {
  const lockModule = fileURLToPath(new URL('./data-dir-lock.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { lockDataDir } = await import(${JSON.stringify(lockModule)});
       lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mokuhyo-lock-'));
});
afterEach(() => {
  rmSync(join(dir, 'mokuhyo.lock'), { force: true });
});
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const lockPath = () => join(dir, 'mokuhyo.lock');

describe('the data directory lock', () => {
  it('records the PID, the start time, the boot id and the host, and is released', () => {
    const release = lockDataDir(dir);
    const written = JSON.parse(readFileSync(lockPath(), 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(written.startTime).toBe(processStartTime(process.pid));
    if (process.platform === 'linux') {
      expect(written.startTime).toMatch(/^proc:\d+$/);
      expect(written.bootId).toBe(currentBootId());
    }
    release();
    expect(existsSync(lockPath())).toBe(false);
  });

  it('takes over a lock whose PID now belongs to an unrelated process started at another time', () => {
    const unrelated = sleeper();
    const pid = unrelated.pid ?? 0;
    expect(processStartTime(pid)).not.toBeNull();
    writeFileSync(
      lockPath(),
      JSON.stringify({ pid, startTime: 'proc:1', bootId: currentBootId(), hostname: hostname() }),
    );
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(lockPath(), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('takes over a lock from before a reboot, even if its PID is alive', () => {
    const unrelated = sleeper();
    writeFileSync(
      lockPath(),
      JSON.stringify({
        pid: unrelated.pid,
        startTime: processStartTime(unrelated.pid ?? 0),
        bootId: '00000000-0000-0000-0000-000000000000',
        hostname: hostname(),
      }),
    );
    if (currentBootId() === null) return;
    lockDataDir(dir)();
  });

  it('reads an old lock (PID only): stale if its process started after the lock was written', () => {
    const unrelated = sleeper();
    writeFileSync(lockPath(), String(unrelated.pid));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lockPath(), anHourAgo, anHourAgo);
    lockDataDir(dir)();
  });

  it('an old lock whose process is older than the lock is held', () => {
    // This test process started before the lock below was written: a plausible holder.
    const parent = process.ppid;
    writeFileSync(lockPath(), String(parent));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it('refuses while a real holder runs, with the Japanese message; takes over once it is killed', async () => {
    const child = await holder(dir);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as Error).message).toBe(
      `データディレクトリ ${dir} は別のプロセス（PID ${child.pid}）が使用中です。` +
        '同じディレクトリを二つのプロセスで開くとデータが壊れるため起動を中止しました。' +
        '先に起動しているプロセスを停止するか、MOKUHYO_DATA_DIR で別のディレクトリを指定してください。',
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // kill -9 leaves the lock file behind: the next start needs no hand.
    expect(existsSync(lockPath())).toBe(true);
    lockDataDir(dir)();
  }, 30_000);

  it('a lock of another host is held, and the message names the host', () => {
    writeFileSync(lockPath(), JSON.stringify({ pid: 12345, startTime: 'proc:1', hostname: 'other-host' }));
    expect(() => lockDataDir(dir)).toThrow(/別のコンピューター（other-host）/);
  });

  it('an unreadable or empty lock is stale', () => {
    writeFileSync(lockPath(), '');
    lockDataDir(dir)();
    writeFileSync(lockPath(), '{"pid":');
    lockDataDir(dir)();
  });
});

describe('judgeLock', () => {
  const self = { pid: 100, startTime: 'proc:500', bootId: 'boot-a', hostname: 'h' };
  const probe = (overrides: Partial<LockProbe> = {}): LockProbe => ({
    self,
    isAlive: () => true,
    startTime: () => 'proc:900',
    startedAt: () => 1_000_000,
    ...overrides,
  });
  const record = (text: object | string, writtenAt = 2_000_000) =>
    parseLockFile(typeof text === 'string' ? text : JSON.stringify(text), writtenAt);

  const cases: [string, object | string, Partial<LockProbe>, LockVerdict['kind']][] = [
    [
      'the same start time: held',
      { pid: 7, startTime: 'proc:900', bootId: 'boot-a', hostname: 'h' },
      {},
      'held',
    ],
    [
      'another start time: reused',
      { pid: 7, startTime: 'proc:1', bootId: 'boot-a', hostname: 'h' },
      {},
      'stale',
    ],
    [
      'start time unreadable: held',
      { pid: 7, startTime: 'proc:1', hostname: 'h' },
      { startTime: () => null },
      'held',
    ],
    ['dead PID', { pid: 7, startTime: 'proc:900', hostname: 'h' }, { isAlive: () => false }, 'stale'],
    ['another boot', { pid: 7, startTime: 'proc:900', bootId: 'boot-b', hostname: 'h' }, {}, 'stale'],
    ['another host', { pid: 7, startTime: 'proc:900', hostname: 'x' }, {}, 'elsewhere'],
    ['old format, process older than the lock', '7', {}, 'held'],
    ['old format, process younger than the lock', '7', { startedAt: () => 9_000_000 }, 'stale'],
    ['old format, dead', '7', { isAlive: () => false }, 'stale'],
    ['old format, start unknown', '7', { startedAt: () => null }, 'held'],
    ['garbage', 'not a lock', {}, 'stale'],
  ];
  it.each(cases)('%s', (_name, text, overrides, kind) => {
    expect(judgeLock(record(text), probe(overrides)).kind).toBe(kind);
  });
});
