import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The embedded PostgreSQL (PGlite) has one connection: while a transaction holds it, every
 * other query waits, reads included. A long writer (an import of a 部区's year) asks for a
 * snapshot: its transaction first copies the database as committed, and while it runs, plain
 * reads from elsewhere are answered by the copy (`pglite-client.ts`). Nothing else can commit
 * while the writer holds the connection, so the copy is exactly what PostgreSQL's own MVCC would
 * show them. On PostgreSQL this changes nothing: readers never wait for writers there.
 */
const snapshotWanted = new AsyncLocalStorage<true>();

/** Run `work`, whose transactions serve other readers from a snapshot while they hold PGlite. */
export function readsFromSnapshotDuring<T>(work: () => Promise<T>): Promise<T> {
  return snapshotWanted.run(true, work);
}

/** Whether the transaction starting now was asked to serve readers from a snapshot. */
export function isSnapshotWanted(): boolean {
  return snapshotWanted.getStore() === true;
}

/**
 * A statement a snapshot may answer: a SELECT with no effect beyond its answer — not a
 * notification, a sequence, a row lock, a setting or an advisory lock of the session (the copy
 * has a session of its own). The snapshot is read-only besides (`default_transaction_read_only`),
 * so a write that slipped through fails there and goes to the database itself.
 */
const sideEffects =
  /\b(pg_notify|nextval|setval|currval|lastval|set_config|pg_(try_)?advisory\w*|for\s+(update|share|no\s+key|key))\b/i;

export function isPlainRead(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && !sideEffects.test(sql);
}
