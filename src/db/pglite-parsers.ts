import { type PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';

/**
 * drizzle maps date and time columns itself, so it asks PGlite for them as PostgreSQL writes
 * them, by passing its own parsers with every query. PGlite then merges them into its full table
 * of some 300 parsers on each query: 0.19 ms of a 0.37 ms one-row select (a loop of 3,000 selects
 * with and without the option). Installed on the client once instead, they cost nothing per
 * query; plain SQL (pg-boss, the schema step) passes PGlite's own back, so it sees what it
 * always saw, and only its rare queries pay for the merge.
 */
const asWritten = (value: string) => value;
// The types drizzle-orm/pglite's session passes: timestamp, timestamptz, interval, date, and the
// arrays of numeric, timestamp, timestamptz, interval and date.
const drizzleRawTypes = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231,
  1115,
  1185,
  1187,
  1182,
];

type Parsers = NonNullable<QueryOptions['parsers']>;
type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

/** What drizzle gets: the client's `query` without drizzle's own parsers, in and out of transactions. */
function withoutQueryParsers<T extends Queryable>(client: T) {
  return {
    query: (text: string, params?: unknown[], options?: QueryOptions) =>
      client.query(text, params, options && { ...options, parsers: undefined }),
  };
}

interface Installed {
  drizzleClient: PGlite;
  plainParsers: Parsers;
}

const installed = new WeakMap<PGlite, Installed>();

/**
 * What plain SQL over `client` passes as `parsers` to read rows as PGlite's defaults would:
 * nothing until drizzle's parsers are installed on it.
 */
export function plainParsersOf(client: PGlite): Parsers | undefined {
  return installed.get(client)?.plainParsers;
}

/** Sets drizzle's parsers on `client` itself (once per client) and returns the client to give drizzle. */
export function drizzleClientOf(client: PGlite): PGlite {
  const done = installed.get(client);
  if (done) return done.drizzleClient;
  const plainParsers: Parsers = {};
  for (const type of drizzleRawTypes) {
    plainParsers[type] = client.parsers[type] ?? asWritten;
    client.parsers[type] = asWritten;
  }
  const drizzleClient = {
    ...withoutQueryParsers(client),
    transaction: <T>(callback: (tx: Transaction) => Promise<T>) =>
      client.transaction((tx) => callback(withoutQueryParsers(tx) as unknown as Transaction)),
  };
  // drizzle calls only `query` and `transaction` (drizzle-orm/pglite/session.js).
  installed.set(client, { drizzleClient: drizzleClient as unknown as PGlite, plainParsers });
  return drizzleClient as unknown as PGlite;
}
