import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

/**
 * Tables that change with every request of a browser, not with what an import writes: sessions,
 * sign-in failures, and the bookkeeping of jobs (a started import job that then refuses its
 * file leaves a failed job row, kept ten minutes, and writes nothing else).
 */
const sessionTables = new Set(['sessions', 'sign_in_failures', 'jobs']);

/**
 * One md5 per table over all its rows (each row as text, sorted): equal fingerprints before and
 * after mean nothing was written. Covers every table of the schema except those.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of rowsOf<{ name: string }>(tables)) {
    if (sessionTables.has(name)) continue;
    const result = await db.execute<{ digest: string | null; n: number }>(
      sql`select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest, count(*)::int as n
          from ${sql.identifier(name)} t`,
    );
    const [row] = rowsOf<{ digest: string | null; n: number }>(result);
    out[name] = `${row?.n ?? 0}:${row?.digest ?? ''}`;
  }
  return out;
}

/** PGlite answers { rows }, node-postgres too; drizzle types both loosely. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}
