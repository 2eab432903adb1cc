// A thread holding a read-only copy of the embedded database while a long writer holds the
// database itself (see read-snapshot.ts and pglite-client.ts). Plain JavaScript that needs only
// PGlite, so the same file runs from the source and beside the server bundle. It receives the
// copied data directory (or a dump of a database in memory), opens it with the app's role and
// drizzle's parsers, answers queries until the thread is ended, and with it goes every byte the
// copy took.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { startParams, role, rawTypes } = workerData;
const asWritten = (value) => value;

parentPort.once('message', async ({ dataDir, dump }) => {
  let copy;
  try {
    copy = await PGlite.create(
      dataDir ? { dataDir, startParams } : { loadDataDir: new Blob([dump]), startParams },
    );
    for (const type of rawTypes) copy.parsers[type] = asWritten;
    await copy.query(`select set_config('role', $1, false)`, [role]);
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: String(error?.stack ?? error) });
    return;
  }
  parentPort.on('message', async ({ id, text, params, options }) => {
    try {
      const { rows, fields, affectedRows } = await copy.query(text, params, options);
      parentPort.postMessage({ type: 'answer', id, result: { rows, fields, affectedRows } });
    } catch (error) {
      // A PostgreSQL error's fields (code, detail, …) are its own enumerable properties.
      parentPort.postMessage({ type: 'refused', id, message: error?.message, fields: { ...error } });
    }
  });
  parentPort.postMessage({ type: 'ready' });
});
