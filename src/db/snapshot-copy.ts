import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';

/**
 * A read-only copy of the embedded database as committed, in a thread of its own
 * (`read-snapshot-worker.mjs`), answering plain reads while a long writer holds the database
 * (see read-snapshot.ts). In its own thread the copy's reads run beside the writer's statements
 * instead of between them, and when the thread ends the memory the copy took (a PGlite of its
 * own, some hundreds of MiB) goes with it: a copy opened in the server's thread kept it.
 */
export interface SnapshotCopy {
  /** The copy's answer; `elsewhere()`'s when the copy refuses to write or is gone. */
  query(
    text: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    elsewhere: () => Promise<unknown>,
  ): Promise<unknown>;
  /** Ends the copy's thread once the reads it is answering are done. */
  close(): Promise<void>;
}

export interface CopySettings {
  startParams: string[];
  /** Types drizzle reads as PostgreSQL writes them (pglite-client.ts). */
  rawTypes: number[];
}

/** PostgreSQL's `read_only_sql_transaction`: a write sent to the read-only copy. */
const readOnlyViolation = '25006';

const workerUrl = new URL('./read-snapshot-worker.mjs', import.meta.url);

type FromCopy =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'answer'; id: number; result: unknown }
  | { type: 'refused'; id: number; message: string; fields: Record<string, unknown> };

/** The copy answered no more (its thread ended): the read goes to the database itself. */
class CopyGone extends Error {}

/**
 * Copy `client` inside its transaction `tx`, before the writer's first statement, with the
 * session's role (the app's: what it may read there is what it may read here). A data directory
 * on disk is copied file by file, as a crash would leave it (PGlite has written every committed
 * transaction's WAL, and nothing writes meanwhile), and the copy opens it and recovers; PGlite's
 * own `dumpDataDir` would build the archive in its WebAssembly memory, which never shrinks (about
 * 250 MiB held for the life of the server). A database in memory (tests) is dumped (`dumpDataDir`
 * takes PGlite's query lock, not its transaction lock). null when the copy cannot be made:
 * readers then wait, as they would without one.
 */
export async function openSnapshotCopy(
  client: PGlite,
  tx: Transaction,
  settings: CopySettings,
): Promise<SnapshotCopy | null> {
  let worker: Worker | undefined;
  let directory: string | undefined;
  const removeDirectory = async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  };
  try {
    const { rows } = await tx.query<{ role: string }>('select current_user as role');
    const onDisk = client.dataDir && !client.dataDir.startsWith('memory://') ? client.dataDir : null;
    let source: { dataDir: string } | { dump: ArrayBuffer };
    if (onDisk) {
      directory = await mkdtemp(join(tmpdir(), 'mokuhyo-snapshot-'));
      await cp(onDisk, directory, { recursive: true });
      source = { dataDir: directory };
    } else source = { dump: await (await client.dumpDataDir('none')).arrayBuffer() };
    worker = new Worker(workerUrl, {
      workerData: {
        startParams: [...settings.startParams, '-c', 'default_transaction_read_only=on'],
        role: rows[0]?.role ?? 'postgres',
        rawTypes: settings.rawTypes,
      },
      // A thread of plain JavaScript: the parent's `--import tsx` would only slow its start.
      execArgv: [],
    });
    return await copyIn(worker, source, removeDirectory);
  } catch (error) {
    console.error('snapshot for reads during a long write:', error);
    await worker?.terminate();
    await removeDirectory();
    return null;
  }
}

function copyIn(
  worker: Worker,
  source: { dataDir: string } | { dump: ArrayBuffer },
  removeDirectory: () => Promise<void>,
): Promise<SnapshotCopy> {
  const pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: unknown) => void }>();
  const asked = new Set<Promise<unknown>>();
  let nextId = 0;
  let gone = false;
  const end = (reason: unknown) => {
    gone = true;
    for (const { reject } of pending.values()) reject(new CopyGone(String(reason)));
    pending.clear();
  };
  return new Promise((resolve, reject) => {
    worker.on('error', (error) => {
      end(error);
      reject(error);
    });
    worker.on('exit', (code) => {
      end(`exit ${code}`);
      reject(new Error(`the snapshot's thread ended (${code})`));
    });
    worker.on('message', (message: FromCopy) => {
      if (message.type === 'ready') resolve(copy);
      else if (message.type === 'failed') reject(new Error(message.message));
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'answer') waiting?.resolve(message.result);
        else waiting?.reject(Object.assign(new Error(message.message), message.fields));
      }
    });
    const ask = (text: string, params: unknown[] | undefined, options: QueryOptions | undefined) => {
      const answer = new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const { parsers: _, ...plain } = options ?? {};
        worker.postMessage({ id, text, params, options: plain });
      });
      const settled: Promise<unknown> = answer.then(
        () => asked.delete(settled),
        () => asked.delete(settled),
      );
      asked.add(settled);
      return answer;
    };
    const copy: SnapshotCopy = {
      query(text, params, options, elsewhere) {
        if (gone) return elsewhere();
        return ask(text, params, options).catch((error: { code?: string }) => {
          if (error instanceof CopyGone || error?.code === readOnlyViolation) return elsewhere();
          throw error;
        });
      },
      async close() {
        gone = true;
        await Promise.all(asked);
        await worker.terminate();
        await removeDirectory();
      },
    };
    worker.postMessage(source, 'dump' in source ? [source.dump] : []);
  });
}
