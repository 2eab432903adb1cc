import { PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';
import { loopTurnDue } from './loop-turns';
import { isPlainRead, isSnapshotWanted } from './read-snapshot';
import { openSnapshotCopy, type SnapshotCopy } from './snapshot-copy';

/**
 * The embedded PostgreSQL's settings: PGlite's own, with shared buffers of 16 MB instead of
 * 128 MB. PGlite lives in the server's memory, and a city's database is a few tens of MB that the
 * operating system's file cache holds anyway: the default buffers held about 130 MiB of the
 * server's resident memory for nothing (a process's RSS after opening it: 352 → 222 MiB).
 */
export const embeddedStartParams = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * drizzle maps date and time columns itself, so it asks PGlite for them as PostgreSQL writes
 * them, by passing its own parsers with every query. PGlite then merges them into its full table
 * of some 300 parsers on each query: 0.19 ms of a 0.37 ms one-row select (a loop of 3,000 selects
 * with and without the option). Installed on the client once instead, they cost nothing per
 * query; plain SQL (pg-boss, the schema step) passes PGlite's own parsers for these types, so it
 * reads them as it always did (Date objects), and only its rare queries pay for the merge.
 */
const asWritten = (value: string) => value;

/**
 * The types drizzle-orm/pglite's session passes parsers for, each with the element type of the
 * arrays among them (null for a scalar): timestamp, timestamptz, interval, date, and the arrays
 * of numeric, timestamp, timestamptz, interval and date.
 */
const drizzleRawTypes = new Map<number, number | null>([
  [types.TIMESTAMP, null],
  [types.TIMESTAMPTZ, null],
  [types.INTERVAL, null],
  [types.DATE, null],
  [1231, types.NUMERIC],
  [1115, types.TIMESTAMP],
  [1185, types.TIMESTAMPTZ],
  [1187, types.INTERVAL],
  [1182, types.DATE],
]);

type Parsers = NonNullable<QueryOptions['parsers']>;
type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

/** PGlite's own parser of each of these types, whatever a client's table holds now. */
function pgliteDefaults(): Parsers {
  const defaults: Parsers = {};
  for (const [type, element] of drizzleRawTypes) {
    const scalar = types.parsers[element ?? type] ?? asWritten;
    defaults[type] = element === null ? scalar : (value: string) => types.arrayParser(value, scalar, type);
  }
  return defaults;
}

/**
 * What drizzle gets: the client's `query` without drizzle's own parsers, in and out of
 * transactions. A drizzle that asked for another type than these would be answered with
 * PGlite's parsing of it: refused instead, at its first query. A long chain of queries lets the
 * event loop take a turn now and then (`loop-turns.ts`).
 */
function drizzleQueries<T extends Queryable>(client: T) {
  return {
    query: (text: string, params?: unknown[], options?: QueryOptions) => {
      for (const type of Object.keys(options?.parsers ?? {})) {
        if (!drizzleRawTypes.has(Number(type)))
          throw new Error(`drizzle asks PGlite for type ${type} as written`);
      }
      const run = () => client.query(text, params, options && { ...options, parsers: undefined });
      const turn = loopTurnDue();
      return turn ? turn.then(run) : run();
    },
  };
}

/**
 * What plain SQL over a PGlite client passes as `parsers` to read these types as PGlite's
 * defaults do, whether or not drizzle's parsers are installed on the client.
 */
export const plainParsers: Parsers = pgliteDefaults();

const drizzleClients = new WeakMap<PGlite, PGlite>();
/** Copies of each client still closing (their threads ending, their files being removed). */
const closingCopies = new WeakMap<PGlite, Set<Promise<void>>>();

/**
 * Waits for the copies of `client` that are closing: before the client itself is closed, so a
 * stopping server leaves none behind. (A copy still serving a writer that runs is not among
 * them; the next start removes what a stop leaves.)
 */
export async function copiesClosed(client: PGlite): Promise<void> {
  await Promise.all(closingCopies.get(client) ?? []);
}

/**
 * Sets drizzle's parsers on `client` itself (once per client) and returns the client to give
 * drizzle. (PGlite's `refreshArrayTypes()` would set its array parsers again; nothing calls it,
 * and the schema has no array columns.) A transaction asked to (`readsFromSnapshotDuring`)
 * first copies the database, and plain reads sent meanwhile outside it go to the copy.
 */
export function drizzleClientOf(client: PGlite): PGlite {
  const done = drizzleClients.get(client);
  if (done) return done;
  setDrizzleParsers(client);
  const main = drizzleQueries(client);
  // The copy answering plain reads now, and the writers asking for one that wait for the client.
  let snapshot: SnapshotCopy | null = null;
  const waiting: Promise<SnapshotCopy | null>[] = [];
  const drizzleClient = {
    query: (text: string, params?: unknown[], options?: QueryOptions) => {
      const elsewhere = () => main.query(text, params, options);
      if (!isPlainRead(text)) return elsewhere();
      if (snapshot) return snapshot.query(text, params, options, elsewhere);
      // A read sent now would queue behind the writer: it waits for the writer's copy instead.
      const next = waiting[0];
      if (next)
        return next.then((copy) => (copy ? copy.query(text, params, options, elsewhere) : elsewhere()));
      return elsewhere();
    },
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) => {
      const run = (tx: Transaction) => callback(drizzleQueries(tx) as unknown as Transaction);
      if (!isSnapshotWanted()) return client.transaction(run);
      let provide: (copy: SnapshotCopy | null) => void = () => {};
      const opened = new Promise<SnapshotCopy | null>((resolve) => {
        provide = resolve;
      });
      waiting.push(opened);
      // Once the writer has its copy (or has none), reads waiting for it go on.
      const settle = (copy: SnapshotCopy | null) => {
        const index = waiting.indexOf(opened);
        if (index >= 0) waiting.splice(index, 1);
        provide(copy);
      };
      return client
        .transaction(async (tx) => {
          const copy = await openSnapshotCopy(client, tx, {
            startParams: embeddedStartParams,
            rawTypes: [...drizzleRawTypes.keys()],
          });
          snapshot = copy;
          settle(copy);
          try {
            return await run(tx);
          } finally {
            // Before the COMMIT: a read sent from now on waits for it, as it would without a copy
            // (one the copy is answering may end after it, as a reader's snapshot in PostgreSQL).
            snapshot = null;
            if (copy) {
              const closing = closingCopies.get(client) ?? new Set();
              closingCopies.set(client, closing);
              const closed = copy.close().then(() => {
                closing.delete(closed);
              });
              closing.add(closed);
            }
          }
        })
        .finally(() => settle(null));
    },
  };
  // drizzle calls only `query` and `transaction` (drizzle-orm/pglite/session.js).
  drizzleClients.set(client, drizzleClient as unknown as PGlite);
  return drizzleClient as unknown as PGlite;
}

function setDrizzleParsers(client: PGlite): void {
  for (const type of drizzleRawTypes.keys()) client.parsers[type] = asWritten;
}
