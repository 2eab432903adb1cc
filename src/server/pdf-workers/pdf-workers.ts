import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Licence } from '../../domain/licence';
import type { BookletInput } from '../../exports/pdf';
import type { SheetDetail } from '../../schemas/sheet';
import { AppError } from '../app-error';
import type { PdfMessage, PdfRequest, PdfTask } from './pdf-task';

export interface PdfWorkerOptions {
  /** Threads printing single sheets at once. */
  sheetThreads?: number;
  /** How long an idle sheet thread is kept (its fonts and pdfmake stay loaded meanwhile). */
  sheetIdleMs?: number;
  /** Threads printing booklets at once; each thread ends as soon as it is idle. */
  bookletThreads?: number;
  /** A booklet thread's heap limit: past it the thread dies and the request gets an error. */
  bookletHeapMiB?: number;
  /** The worker module (tests point it elsewhere). */
  workerUrl?: URL;
}

export interface BookletRenderOptions {
  /** Sheets drawn so far, reported while the worker draws. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

const failed = () =>
  new AppError('unavailable', 'PDF を作成できませんでした。しばらくしてからもう一度お試しください。');

/**
 * Every PDF the server prints is laid out and drawn in worker threads (piscina pools), never on
 * the thread that answers requests: pdfmake's layout is synchronous and a 150-sheet booklet takes
 * seconds. Each answer is a stream that starts once the worker has laid the document out, then
 * carries pdfkit's bytes as they come. Sheets have a small pool kept warm for a while; booklets
 * a pool whose thread ends when idle, so the memory a booklet's layout took goes back with it.
 * A worker that fails (or dies) before the first byte is an AppError a person can read.
 */
export class PdfWorkers {
  readonly #options: Required<Omit<PdfWorkerOptions, 'bookletHeapMiB'>> &
    Pick<PdfWorkerOptions, 'bookletHeapMiB'>;
  #sheets: Pool | undefined;
  #booklets: Pool | undefined;

  constructor(options: PdfWorkerOptions = {}) {
    this.#options = {
      sheetThreads: 1,
      sheetIdleMs: 60_000,
      bookletThreads: 1,
      workerUrl: new URL('./pdf-worker.mjs', import.meta.url),
      ...options,
    };
  }

  /** One sheet's PDF. */
  sheet(
    sheet: SheetDetail,
    options: { signal?: AbortSignal; licence?: Licence } = {},
  ): Promise<ReadableStream<Uint8Array>> {
    this.#sheets ??= this.#pool('sheets', this.#options.sheetThreads, this.#options.sheetIdleMs);
    const { signal, licence } = options;
    return render(
      this.#sheets,
      { kind: 'sheet', sheet, ...(licence ? { licence } : {}) },
      signal ? { signal } : {},
    );
  }

  /** A 部区's booklet. */
  booklet(booklet: BookletInput, options: BookletRenderOptions = {}): Promise<ReadableStream<Uint8Array>> {
    this.#booklets ??= this.#pool('booklets', this.#options.bookletThreads, 0, this.#options.bookletHeapMiB);
    return render(this.#booklets, { kind: 'booklet', booklet }, options);
  }

  /** Threads running now (sheet pool, booklet pool): for tests and the bench. */
  get threads(): { sheets: number; booklets: number } {
    return {
      sheets: this.#sheets?.piscina.threads.length ?? 0,
      booklets: this.#booklets?.piscina.threads.length ?? 0,
    };
  }

  /** Stops every thread; renders under way fail. */
  async close(): Promise<void> {
    const pools = [this.#sheets, this.#booklets];
    this.#sheets = undefined;
    this.#booklets = undefined;
    await Promise.all(pools.map((pool) => pool?.piscina.destroy()));
  }

  #pool(name: 'sheets' | 'booklets', threads: number, idleTimeout: number, heapMiB?: number): Pool {
    const piscina = new Piscina({
      filename: this.#options.workerUrl.href,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout,
      // The worker module registers tsx itself; a second `--import tsx` would only slow its start.
      execArgv: process.execArgv.filter((arg, i, all) => !isTsxImport(arg, all[i + 1], all[i - 1])),
      atomics: 'disabled',
      resourceLimits: {
        maxYoungGenerationSizeMb: youngGenerationMiB,
        ...(heapMiB ? { maxOldGenerationSizeMb: heapMiB } : {}),
      },
    });
    const pool: Pool = { piscina, renders: new Set() };
    // A thread that dies before it takes a task (its module failed to load, its heap was too
    // small) is reported here, not to a task: piscina would start another and the requests would
    // wait for ever. Fail them, and start from a fresh pool on the next request.
    piscina.on('error', (error: unknown) => {
      if (name === 'sheets' && this.#sheets === pool) this.#sheets = undefined;
      if (name === 'booklets' && this.#booklets === pool) this.#booklets = undefined;
      for (const fail of [...pool.renders]) fail(error);
      void piscina.destroy();
    });
    return pool;
  }
}

/** A piscina pool and the renders it has not finished, to fail them all if it breaks. */
interface Pool {
  piscina: Piscina;
  renders: Set<(error: unknown) => void>;
}

/**
 * pdfmake allocates an object or more per character it lays out, nearly all short-lived: a young
 * generation of 96 MiB (V8's default is about 48) scavenges a third as often.
 */
const youngGenerationMiB = 96;

function isTsxImport(arg: string, next: string | undefined, previous: string | undefined): boolean {
  return (
    arg === '--import=tsx' ||
    (arg === '--import' && next === 'tsx') ||
    (arg === 'tsx' && previous === '--import')
  );
}

/** Runs one request on `pool`; resolves with its stream once the first bytes are there. */
function render(
  pool: Pool,
  request: PdfRequest,
  { onProgress, signal }: BookletRenderOptions,
): Promise<ReadableStream<Uint8Array>> {
  signal?.throwIfAborted();
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  const stopOnSignal = () => abort.abort(signal?.reason);
  signal?.addEventListener('abort', stopOnSignal, { once: true });
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let handedOut = false;
  let settled = false;
  let failRender: ((error: unknown) => void) | undefined;
  const finish = () => {
    settled = true;
    if (failRender) pool.renders.delete(failRender);
    port1.close();
    signal?.removeEventListener('abort', stopOnSignal);
  };
  return new Promise((resolve, reject) => {
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      // The client went away: stop the worker (piscina ends a running task's thread).
      cancel: () => {
        finish();
        abort.abort(new Error('the PDF is no longer wanted'));
      },
    });
    /** Ends the render with `error`: the caller's own reasons as they are, a worker's as an AppError. */
    const fail = (error: unknown, own = false) => {
      if (settled) return;
      finish();
      abort.abort(error);
      let answer = error;
      if (signal?.aborted) answer = signal.reason;
      else if (!own) {
        console.error('pdf worker:', error);
        answer = failed();
      }
      if (handedOut) controller?.error(answer);
      else reject(answer);
    };
    failRender = fail;
    pool.renders.add(fail);
    port1.on('message', (message: PdfMessage) => {
      if (settled) return;
      if (message.type === 'progress') {
        try {
          onProgress?.(message.done, message.total);
        } catch (error) {
          fail(error, true);
        }
        return;
      }
      if (message.type === 'chunk') controller?.enqueue(message.bytes);
      if (message.type === 'end') {
        finish();
        controller?.close();
      }
      if (!handedOut) {
        handedOut = true;
        resolve(stream);
      }
    });
    const task: PdfTask = { request, port: port2 };
    pool.piscina
      .run(task, { transferList: [port2], signal: abort.signal })
      .catch((error: unknown) => fail(error));
  });
}

/** All the bytes of a PDF stream (a job stores its file whole). */
export async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
