import { parentPort } from 'node:worker_threads';
import { type BookletInput, renderBookletPdf } from '../../../exports/pdf';

/** Renders one booklet off the main thread, reporting each sheet as it is laid out. */
parentPort?.once('message', async (input: BookletInput) => {
  try {
    const pdf = await renderBookletPdf(input, (done, total) =>
      parentPort?.postMessage({ type: 'progress', done, total }),
    );
    const bytes = new Uint8Array(pdf);
    parentPort?.postMessage({ type: 'done', bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
