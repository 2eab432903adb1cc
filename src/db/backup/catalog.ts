import { type SQL, sql } from 'drizzle-orm';
import type { AppliedMigration } from '../../schemas/backup';
import type { Db, Tx } from '../client';

type Queryable = Db | Tx;

/** PGlite answers { rows }, node-postgres too; drizzle types both loosely. */
export async function query<T>(db: Queryable, statement: SQL): Promise<T[]> {
  const result = await db.execute(statement);
  return ((result as { rows?: T[] }).rows ?? (result as unknown as T[])) as T[];
}

/** The schema the app's tables live in (drizzle's migrations create them there). */
export const appSchema = 'public';

export interface CatalogTable {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** The columns an INSERT may write (generated columns are computed by the database). */
  writable: string[];
  /** The other tables its foreign keys point at (itself excluded). */
  references: string[];
  /** A foreign key points at the table itself (its rows must go in one statement). */
  selfReferencing: boolean;
}

/**
 * Every table of the app's schema, read from the database catalog (not a hand list, so a table a
 * later migration adds is included), in an order that inserts each after the tables it points
 * at. A table pointing at itself is fine (its rows go in one statement); a cycle between tables
 * has no such order and is refused.
 */
export async function listTables(db: Queryable): Promise<CatalogTable[]> {
  const columns = await query<{ table: string; column: string; generated: string }>(
    db,
    sql`select c.relname as "table", a.attname as "column", a.attgenerated::text as generated
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = ${appSchema} and c.relkind in ('r', 'p')
        order by c.relname, a.attnum`,
  );
  const references = await query<{ table: string; target: string }>(
    db,
    sql`select distinct c.relname as "table", t.relname as target
        from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_class t on t.oid = k.confrelid
        where k.contype = 'f' and n.nspname = ${appSchema}`,
  );
  const tables = new Map<string, CatalogTable>();
  for (const row of columns) {
    const table = tables.get(row.table) ?? {
      name: row.table,
      columns: [],
      writable: [],
      references: [],
      selfReferencing: false,
    };
    table.columns.push(row.column);
    if (row.generated === '') table.writable.push(row.column);
    tables.set(row.table, table);
  }
  for (const row of references) {
    const table = tables.get(row.table);
    if (!table) continue;
    if (row.target === row.table) table.selfReferencing = true;
    else table.references.push(row.target);
  }
  return insertionOrder([...tables.values()].sort((a, b) => (a.name < b.name ? -1 : 1)));
}

function insertionOrder(tables: CatalogTable[]): CatalogTable[] {
  const ordered: CatalogTable[] = [];
  const placed = new Set<string>();
  let remaining = tables;
  while (remaining.length > 0) {
    const ready = remaining.filter((t) => t.references.every((r) => placed.has(r)));
    if (ready.length === 0) {
      throw new Error(
        `外部キーが循環しているため、テーブルを挿入できる順に並べられません: ${remaining.map((t) => t.name).join('、')}`,
      );
    }
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
    remaining = remaining.filter((t) => !placed.has(t.name));
  }
  return ordered;
}

/** Each sequence of the app's schema that has handed out a value, with the last one. */
export async function listSequences(db: Queryable): Promise<{ name: string; lastValue: string }[]> {
  const rows = await query<{ name: string; last_value: string | number | null }>(
    db,
    sql`select sequencename as name, last_value from pg_sequences
        where schemaname = ${appSchema} order by sequencename`,
  );
  return rows.flatMap((r) =>
    r.last_value === null ? [] : [{ name: r.name, lastValue: String(r.last_value) }],
  );
}

/** The migrations drizzle has recorded as applied, oldest first (none on a new database). */
export async function appliedMigrations(db: Queryable): Promise<AppliedMigration[]> {
  const [exists] = await query<{ found: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as found`,
  );
  if (!exists?.found) return [];
  const rows = await query<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}
