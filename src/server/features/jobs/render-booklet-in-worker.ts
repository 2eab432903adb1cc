import { Worker } from 'node:worker_threads';
import type { BookletInput } from '../../../exports/pdf';

/**
 * The booklet rendered in a worker thread: pdfmake lays out synchronously, so on the main thread
 * it would stop every other request (and every progress poll) until it finished. An aborted
 * signal ends the thread at once.
 */
export function renderBookletInWorker(
  input: BookletInput,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const worker = new Worker(new URL('./booklet-worker.mjs', import.meta.url));
    const settle = (finish: () => void) => {
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      finish();
    };
    const abort = () => settle(() => reject(signal?.reason));
    signal?.addEventListener('abort', abort, { once: true });
    worker.on(
      'message',
      (message: {
        type: string;
        done?: number;
        total?: number;
        bytes?: Uint8Array<ArrayBuffer>;
        message?: string;
      }) => {
        try {
          if (message.type === 'progress') onProgress(message.done ?? 0, message.total ?? 0);
        } catch (error) {
          settle(() => reject(error));
        }
        const bytes = message.bytes;
        if (message.type === 'done' && bytes) settle(() => resolve(bytes));
        if (message.type === 'error') settle(() => reject(new Error(message.message)));
      },
    );
    worker.once('error', (error) => settle(() => reject(error)));
    worker.postMessage(input);
  });
}
