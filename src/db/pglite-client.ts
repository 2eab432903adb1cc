import { PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';
import { loopTurnDue } from './loop-turns';
import { isPlainRead, isSnapshotWanted } from './read-snapshot';

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
  let snapshot: Snapshot | null = null;
  const waiting: Promise<Snapshot | null>[] = [];
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
      let provide: (copy: Snapshot | null) => void = () => {};
      const opened = new Promise<Snapshot | null>((resolve) => {
        provide = resolve;
      });
      waiting.push(opened);
      // Once the writer has its copy (or has none), reads waiting for it go on.
      const settle = (copy: Snapshot | null) => {
        const index = waiting.indexOf(opened);
        if (index >= 0) waiting.splice(index, 1);
        provide(copy);
      };
      return client
        .transaction(async (tx) => {
          const copy = await openSnapshot(client, tx);
          snapshot = copy;
          settle(copy);
          try {
            return await run(tx);
          } finally {
            // Before the COMMIT: a read from now on waits for it, as it would without a copy.
            snapshot = null;
            void copy?.close();
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

/** PostgreSQL's `read_only_sql_transaction`: a write sent to the read-only copy. */
const readOnlyViolation = '25006';

/** A read-only copy of the database as committed, answering plain reads while a writer holds it. */
interface Snapshot {
  query(
    text: string,
    params: unknown[] | undefined,
    options: QueryOptions | undefined,
    elsewhere: () => Promise<unknown>,
  ): Promise<unknown>;
  /** Closes the copy once the reads it is answering are done. */
  close(): Promise<void>;
}

/**
 * Copy `client` inside its transaction `tx`, before the writer's first statement (`dumpDataDir`
 * takes the query lock, not the transaction's), into a read-only PGlite in memory whose session
 * has the same role (the app's: what it may read there is what it may read here). null when the
 * copy cannot be made: readers then wait, as they would without one.
 */
async function openSnapshot(client: PGlite, tx: Transaction): Promise<Snapshot | null> {
  let copy: PGlite;
  try {
    const { rows } = await tx.query<{ role: string }>('select current_user as role');
    copy = await PGlite.create({
      loadDataDir: await client.dumpDataDir('none'),
      startParams: [...embeddedStartParams, '-c', 'default_transaction_read_only=on'],
    });
    await copy.query(`select set_config('role', $1, false)`, [rows[0]?.role ?? 'postgres']);
  } catch (error) {
    console.error('snapshot for reads during a long write:', error);
    return null;
  }
  setDrizzleParsers(copy);
  const queries = drizzleQueries(copy);
  const running = new Set<Promise<unknown>>();
  let closing = false;
  return {
    query(text, params, options, elsewhere) {
      if (closing) return elsewhere();
      const answer = queries.query(text, params, options).catch((error: { code?: string }) => {
        if (error?.code === readOnlyViolation) return elsewhere();
        throw error;
      });
      const settled: Promise<unknown> = answer.then(
        () => running.delete(settled),
        () => running.delete(settled),
      );
      running.add(settled);
      return answer;
    },
    async close() {
      closing = true;
      await Promise.all(running);
      await copy.close();
    },
  };
}
