import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Every child the bench started and has not yet seen exit; killed on any way out. */
const running = new Set<ChildProcess>();
/** Every server started, for the output shown when the bench fails. */
const started: ChildServer[] = [];

export interface StartOptions {
  /** Shown in messages. */
  name: string;
  /** The script: `node --import tsx <script>` for TypeScript, `node <script>` for a bundle (.mjs). */
  script: string;
  cwd: string;
  env: Record<string, string>;
}

/** A child `node --import tsx` process whose output is kept line by line. */
export class ChildServer {
  readonly name: string;
  readonly process: ChildProcess;
  readonly spawnedAt: number;
  readonly lines: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Aborts when the process exits, so waits on it stop early. */
  readonly exitSignal: AbortSignal;
  readonly #lineWaiters: Array<{ pattern: RegExp; resolve: (match: RegExpMatchArray) => void }> = [];

  constructor({ name, script, cwd, env }: StartOptions) {
    this.name = name;
    const controller = new AbortController();
    this.exitSignal = controller.signal;
    this.spawnedAt = performance.now();
    this.process = spawn(process.execPath, script.endsWith('.ts') ? ['--import', 'tsx', script] : [script], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(this.process);
    started.push(this);
    this.exited = new Promise((resolve) => {
      this.process.once('exit', (code, signal) => {
        running.delete(this.process);
        controller.abort(
          new Error(`${name} exited (code ${code}, signal ${signal}): ${this.stderr.join('\n').slice(-800)}`),
        );
        resolve({ code, signal });
      });
    });
    this.process.once('error', (error) => controller.abort(error));
    splitLines(this.process.stdout, (line) => {
      this.lines.push(line);
      for (const waiter of [...this.#lineWaiters]) {
        const match = line.match(waiter.pattern);
        if (match) {
          this.#lineWaiters.splice(this.#lineWaiters.indexOf(waiter), 1);
          waiter.resolve(match);
        }
      }
    });
    splitLines(this.process.stderr, (line) => this.stderr.push(line));
  }

  get pid(): number {
    const pid = this.process.pid;
    if (pid === undefined) throw new Error(`${this.name} has no pid (spawn failed)`);
    return pid;
  }

  /** The first stdout line (already printed or still to come) matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs = 5_000): Promise<RegExpMatchArray> {
    const seen = this.lines.map((line) => line.match(pattern)).find((match) => match !== null);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        pattern,
        resolve: (match: RegExpMatchArray) => {
          clearTimeout(timer);
          resolve(match);
        },
      };
      const timer = setTimeout(() => {
        this.#lineWaiters.splice(this.#lineWaiters.indexOf(waiter), 1);
        reject(new Error(`${this.name}: no line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#lineWaiters.push(waiter);
    });
  }

  /** SIGTERM, wait for the exit (SIGKILL after `graceMs`); resolves with the time it took. */
  async stop(graceMs = 10_000): Promise<number> {
    const started = performance.now();
    if (this.process.exitCode !== null || this.process.signalCode !== null) return 0;
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    return performance.now() - started;
  }

  /** Resident memory and its peak, from /proc (Linux only). */
  memory(): { rssMiB: number; peakRssMiB: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return { rssMiB: procKiB(status, 'VmRSS') / 1024, peakRssMiB: procKiB(status, 'VmHWM') / 1024 };
  }

  /** User + system CPU time the process has used so far, in milliseconds. */
  cpuMs(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond();
  }
}

/** CPU time all processes on the machine have used (every core, idle and iowait excluded), in ms. */
export function systemBusyMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  const [, ...fields] = line.trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return ((total - idle) * 1000) / clockTicksPerSecond();
}

function procKiB(status: string, field: string): number {
  const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  if (!match?.[1]) throw new Error(`no ${field} in /proc status`);
  return Number(match[1]);
}

let ticks: number | undefined;
function clockTicksPerSecond(): number {
  if (ticks === undefined) {
    try {
      ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticks = 100;
    }
  }
  return ticks;
}

function splitLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const part of parts) onLine(part.replace(/\r$/, ''));
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
  });
}

/** The last stderr lines of every server started (most recent first), to explain a failure. */
export function recentChildErrors(maxLines = 15): string {
  return [...started]
    .reverse()
    .filter((server) => server.stderr.length > 0)
    .map(
      (server) =>
        `--- ${server.name} (pid ${server.process.pid}) stderr:\n${server.stderr.slice(-maxLines).join('\n')}`,
    )
    .join('\n');
}

/** Stop every child still running: SIGTERM, then SIGKILL whatever is left after `graceMs`. */
async function stopAllChildren(graceMs = 5_000): Promise<void> {
  const children = [...running];
  if (children.length === 0) return;
  const exits = children.map((child) => new Promise<void>((resolve) => child.once('exit', () => resolve())));
  for (const child of children) child.kill('SIGTERM');
  await Promise.race([Promise.all(exits), sleep(graceMs)]);
  for (const child of running) child.kill('SIGKILL');
}

/** Last resort on process exit (synchronous): SIGKILL any child still running. */
function killAllChildrenNow(): void {
  for (const child of running) child.kill('SIGKILL');
}

const tempDirs: string[] = [];

/** A fresh directory under the OS temp dir, removed by `cleanUp` / `cleanUpNow`. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Stop every child (gracefully first), then remove the temp dirs. */
export async function cleanUp(): Promise<void> {
  await stopAllChildren();
  removeTempDirs();
}

/** Synchronous last resort: SIGKILL every child and remove the temp dirs. */
export function cleanUpNow(): void {
  killAllChildrenNow();
  removeTempDirs();
}

/** Clean up however the process ends: normal exit, an error, Ctrl-C or SIGTERM. */
export function installCleanupHandlers(name: string): void {
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      console.error(`\n${name}: ${signal}, stopping the servers`);
      cleanUpNow();
      process.exit(130);
    });
  }
}

/** Run a bench's `main`, then stop its children and remove its temp dirs, whether it ends well or not. */
export function runBench(main: () => Promise<void>): void {
  main().then(
    async () => {
      await cleanUp();
      process.exit(0);
    },
    async (error: unknown) => {
      console.error(error);
      await cleanUp();
      process.exit(1);
    },
  );
}
