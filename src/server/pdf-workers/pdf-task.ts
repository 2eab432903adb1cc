import type { MessagePort } from 'node:worker_threads';
import type { Licence } from '../../domain/licence';
import { type BookletInput, openBookletPdf, openSheetPdf } from '../../exports/pdf';
import type { SheetDetail } from '../../schemas/sheet';

/** What a PDF worker is asked to print. */
export type PdfRequest =
  | { kind: 'sheet'; sheet: SheetDetail; licence?: Licence }
  | { kind: 'booklet'; booklet: BookletInput };

/** What a PDF worker sends back on its port, in order: progress, then the bytes, then the end. */
export type PdfMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'chunk'; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'end' };

export interface PdfTask {
  request: PdfRequest;
  port: MessagePort;
}

/** pdfkit writes many small pieces; they cross to the main thread in chunks of about this size. */
const chunkBytes = 64 * 1024;

/**
 * Runs in a worker thread (pdf-worker.mjs): lays out and draws the PDF — the synchronous, CPU-bound
 * part — then sends its bytes over `port` as pdfkit produces them, each chunk moved, not copied.
 * An error before the first chunk rejects the task, so the caller can still answer with a message.
 */
export async function renderPdfTask({ request, port }: PdfTask): Promise<void> {
  const stream =
    request.kind === 'sheet'
      ? await openSheetPdf(request.sheet, request.licence)
      : await openBookletPdf(request.booklet, (done, total) =>
          port.postMessage({ type: 'progress', done, total } satisfies PdfMessage),
        );
  await new Promise<void>((resolve, reject) => {
    let pending: Buffer[] = [];
    let size = 0;
    const flush = () => {
      if (size === 0) return;
      const bytes = new Uint8Array(size);
      let offset = 0;
      for (const piece of pending) {
        bytes.set(piece, offset);
        offset += piece.byteLength;
      }
      pending = [];
      size = 0;
      port.postMessage({ type: 'chunk', bytes } satisfies PdfMessage, [bytes.buffer]);
    };
    stream.on('data', (piece: Buffer) => {
      pending.push(piece);
      size += piece.byteLength;
      if (size >= chunkBytes) flush();
    });
    stream.once('error', reject);
    stream.once('end', () => {
      flush();
      port.postMessage({ type: 'end' } satisfies PdfMessage);
      resolve();
    });
    stream.end();
  });
}
