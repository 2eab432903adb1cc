import type { Db, Tx } from './client';

const built = new WeakMap<object, WeakMap<object, unknown>>();

/**
 * A query built once per database handle and sent again with new values (its placeholders):
 * drizzle builds a query's text on every call otherwise, about half of a save request's server
 * CPU on PostgreSQL (2.4 of 5.2 ms in `--cpu-prof`; a relational query walks every column of
 * every table it nests). `build` is the key: a module's own function, whose query ends in
 * `.prepare('')` — unnamed, since a named statement lives on one PostgreSQL connection, which a
 * pooler between the app and the database (PgBouncer) may not give back. In a transaction the
 * query is built for that transaction (its connection), as any other.
 */
export function preparedOnce<Q>(db: Db | Tx, build: (db: Db | Tx) => Q): Q {
  let queries = built.get(db);
  if (!queries) {
    queries = new WeakMap();
    built.set(db, queries);
  }
  let query = queries.get(build) as Q | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(build, query);
  }
  return query;
}
