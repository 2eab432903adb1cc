import { cp, mkdtemp, readdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import { lockFileName } from './data-dir-lock';

/**
 * A read-only copy of the embedded database as committed, in a thread of its own
 * (`read-snapshot-worker.mjs`), answering plain reads while a long writer holds the database
 * (see read-snapshot.ts). In its own thread the copy's reads run beside the writer's statements
 * instead of between them, and when the thread ends the memory the copy took (a PGlite of its
 * own, some hundreds of MiB) goes with it: a copy opened in the server's thread kept it.
 */
export interface SnapshotCopy {
  /** The copy's answer; `elsewhere()`'s when the copy refuses the statement or cannot answer. */
  query(
    text: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    elsewhere: () => Promise<unknown>,
  ): Promise<unknown>;
  /** Ends the copy's thread once the reads it is answering are done, and removes its files. Never fails. */
  close(): Promise<void>;
}

export interface CopySettings {
  startParams: string[];
  /** Types drizzle reads as PostgreSQL writes them (pglite-client.ts). */
  rawTypes: number[];
}

/**
 * Statements the copy refuses that the database itself may well answer: a write
 * (`read_only_sql_transaction`), a table the copy lacks (a session's temporary table).
 */
const answeredElsewhere = new Set(['25006', '42P01']);

/** How long readers wait for the copy to open (it recovers from the WAL), before they wait for the writer instead. */
const openingMs = 30_000;

const workerUrl = new URL('./read-snapshot-worker.mjs', import.meta.url);

/** Where copies of `dataDir` are made: beside it (usually the same disk, not a tmpfs's memory). */
const copyPrefix = (dataDir: string) => join(dirname(dataDir), `${basename(dataDir)}.snapshot-`);

/** Written into a copy before its files: what marks a directory as one of ours to remove. */
const copyMark = '.mokuhyo-snapshot-copy';

/**
 * Removes the copies of `dataDir` a server that stopped during a long write left behind: only
 * directories named as `mkdtemp` names them that hold the mark. Called by the process that has
 * just locked the directory, so no other process is using them; a copy that cannot be removed is
 * logged and left.
 */
export async function removeLeftoverCopies(dataDir: string): Promise<void> {
  const real = await realpath(dataDir).catch(() => dataDir);
  const prefix = basename(copyPrefix(real));
  const own = (name: string) => name.startsWith(prefix) && /^[A-Za-z0-9]{6}$/.test(name.slice(prefix.length));
  const siblings = await readdir(dirname(real)).catch(() => []);
  for (const name of siblings.filter(own)) {
    const path = join(dirname(real), name);
    const marked = await stat(join(path, copyMark)).then(
      () => true,
      () => false,
    );
    if (marked) await rm(path, { recursive: true, force: true }).catch((error) => console.error(error));
  }
}

/**
 * A new directory for a copy of `dataDir`, beside it, or in the system's temporary directory
 * where the data directory's parent may not be written.
 */
async function copyDirectory(dataDir: string): Promise<string> {
  const directory = await mkdtemp(copyPrefix(dataDir)).catch((error: { code?: string }) => {
    if (error?.code === 'EACCES' || error?.code === 'EPERM' || error?.code === 'EROFS')
      return mkdtemp(join(tmpdir(), 'mokuhyo-snapshot-'));
    throw error;
  });
  await writeFile(join(directory, copyMark), '');
  return directory;
}

type FromCopy =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; result: unknown }
  | { type: 'refused'; id: number; message: string; fields: Record<string, unknown> };

/** The copy answered no more (its thread ended, or never opened): the read goes to the database. */
class CopyGone extends Error {}

/**
 * Copy `client` inside its transaction `tx`, before the writer's first statement, with the
 * session's role (the app's: what it may read there is what it may read here). A data directory
 * on disk is copied file by file, as a crash would leave it (PGlite has written every committed
 * transaction's WAL, and nothing writes meanwhile); PGlite's own `dumpDataDir` would build the
 * archive in its WebAssembly memory, which never shrinks (about 250 MiB held for the life of the
 * server). A database in memory (tests) is dumped (`dumpDataDir` takes PGlite's query lock, not
 * its transaction lock). The writer waits only for the files; the thread that opens and recovers
 * them starts when a reader first comes (a command-line import has none). null when the files
 * cannot be copied: readers then wait for the writer, as they would without a copy.
 */
export async function openSnapshotCopy(
  client: PGlite,
  tx: Transaction,
  settings: CopySettings,
): Promise<SnapshotCopy | null> {
  let directory: string | undefined;
  try {
    const { rows } = await tx.query<{ role: string }>('select current_user as role');
    const onDisk = client.dataDir && !client.dataDir.startsWith('memory://') ? client.dataDir : null;
    let source: { dataDir: string } | { dump: ArrayBuffer };
    if (onDisk) {
      // The directory itself, not a link to it (cp copies a link as a link).
      const real = await realpath(onDisk);
      directory = await copyDirectory(real);
      // Not the lock: the copy is nobody's data directory, and a lock's probe file may vanish.
      await cp(real, directory, {
        recursive: true,
        filter: (path) => !basename(path).startsWith(lockFileName),
      });
      source = { dataDir: directory };
    } else source = { dump: await (await client.dumpDataDir('none')).arrayBuffer() };
    return copyOf(source, {
      startParams: [...settings.startParams, '-c', 'default_transaction_read_only=on'],
      role: rows[0]?.role ?? 'postgres',
      rawTypes: settings.rawTypes,
    });
  } catch (error) {
    console.error('snapshot for reads during a long write:', error);
    if (directory) await rm(directory, { recursive: true, force: true }).catch(() => {});
    return null;
  }
}

function copyOf(
  source: { dataDir: string } | { dump: ArrayBuffer },
  workerData: { startParams: string[]; role: string; rawTypes: number[] },
): SnapshotCopy {
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: unknown) => void }>();
  const asked = new Set<Promise<unknown>>();
  let nextId = 0;
  let gone = false;
  let worker: Worker | undefined;
  let opened: Promise<boolean> | undefined;

  const end = (reason: unknown) => {
    gone = true;
    for (const { reject } of pending.values()) reject(new CopyGone(String(reason)));
    pending.clear();
  };
  /** Gives up opening the copy (closed before it was open): set by `open`. */
  let stopOpening: (() => void) | undefined;
  /** Starts the thread and waits for the copy to open: true once it answers, false if it never will. */
  const open = () =>
    new Promise<boolean>((resolve) => {
      let started: Worker;
      try {
        started = new Worker(workerUrl, {
          workerData,
          // A thread of plain JavaScript: the parent's `--import tsx` would only slow its start.
          execArgv: [],
        });
      } catch (error) {
        console.error('snapshot for reads during a long write:', error);
        end(error);
        resolve(false);
        return;
      }
      worker = started;
      const giveUp = (reason: unknown) => {
        clearTimeout(timer);
        stopOpening = undefined;
        if (!gone) console.error('snapshot for reads during a long write:', reason);
        end(reason);
        void started.terminate();
        resolve(false);
      };
      stopOpening = () => giveUp('closed before it was open');
      const timer = setTimeout(() => giveUp(`not open after ${openingMs} ms`), openingMs);
      started.on('error', giveUp);
      started.on('exit', (code) => giveUp(`its thread ended (${code})`));
      started.on('message', (message: FromCopy) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          stopOpening = undefined;
          resolve(true);
        } else if (message.type === 'failed') giveUp(message.message);
        else {
          const waiting = pending.get(message.id);
          pending.delete(message.id);
          if (message.type === 'answer') waiting?.resolve(message.result);
          else waiting?.reject(Object.assign(new Error(message.message), message.fields));
        }
      });
      started.postMessage(source, 'dump' in source ? [source.dump] : []);
    });
  const ask = async (text: string, params: unknown[] | undefined, options: QueryOptions | undefined) => {
    opened ??= open();
    if (!(await opened) || gone) throw new CopyGone('closed');
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const { parsers: _, ...plain } = options ?? {};
      worker?.postMessage({ id, text, params, options: plain });
    });
  };
  return {
    query(text, params, options, elsewhere) {
      if (gone) return elsewhere();
      const answer = ask(text, params, options).catch((error: { code?: string }) => {
        if (error instanceof CopyGone || answeredElsewhere.has(error?.code ?? '')) return elsewhere();
        throw error;
      });
      const settled: Promise<unknown> = answer.then(
        () => asked.delete(settled),
        () => asked.delete(settled),
      );
      asked.add(settled);
      return answer;
    },
    async close() {
      gone = true;
      // A copy still opening answers nobody now: its readers go to the database at once.
      stopOpening?.();
      await Promise.all(asked);
      try {
        await worker?.terminate();
        if ('dataDir' in source) await rm(source.dataDir, { recursive: true, force: true });
      } catch (error) {
        console.error('closing the snapshot for reads during a long write:', error);
      }
    },
  };
}
