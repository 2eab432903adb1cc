import { Worker } from 'node:worker_threads';
import type { BookletInput } from '../../../exports/pdf';

/**
 * The booklet rendered in a worker thread: pdfmake lays out synchronously, so on the main thread
 * it would stop every other request (and every progress poll) until it finished.
 */
export function renderBookletInWorker(
  input: BookletInput,
  onProgress: (done: number, total: number) => void,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./booklet-worker.mjs', import.meta.url));
    worker.on(
      'message',
      (message: {
        type: string;
        done?: number;
        total?: number;
        bytes?: Uint8Array<ArrayBuffer>;
        message?: string;
      }) => {
        if (message.type === 'progress') onProgress(message.done ?? 0, message.total ?? 0);
        if (message.type === 'done' && message.bytes) {
          resolve(message.bytes);
          void worker.terminate();
        }
        if (message.type === 'error') {
          reject(new Error(message.message));
          void worker.terminate();
        }
      },
    );
    worker.once('error', reject);
    worker.postMessage(input);
  });
}
