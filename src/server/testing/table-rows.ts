import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { sql } from 'drizzle-orm';
import { appSchema, listTables, query } from '../../db/backup/catalog';
import { readBackup } from '../../db/backup/read-backup';
import type { Db } from '../../db/client';

function digest(rows: string[]): string {
  return `${rows.length}:${createHash('md5')
    .update([...rows].sort().join('\n'))
    .digest('hex')}`;
}

/**
 * Every table of the app's schema (sessions included), each as its row count and an md5 of its
 * rows as `row_to_json` text, sorted: equal for two databases holding the same rows.
 */
export async function tableRowsFingerprint(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await listTables(db)) {
    const rows = await query<{ j: string }>(
      db,
      sql`select row_to_json(t)::text as j from ${sql.identifier(appSchema)}.${sql.identifier(table.name)} t`,
    );
    out[table.name] = digest(rows.map((r) => r.j));
  }
  return out;
}

/** The same fingerprint of the rows a backup file holds. */
export async function backupRowsFingerprint(file: string): Promise<Record<string, string>> {
  const rows = new Map<string, string[]>();
  const header = await readBackup(createReadStream(file), {
    batchSize: () => 1000,
    batch: async (table, batch) => {
      rows.set(table, [...(rows.get(table) ?? []), ...batch]);
    },
  });
  return Object.fromEntries(header.tables.map((t) => [t.name, digest(rows.get(t.name) ?? [])]));
}

/**
 * Sheets whose version is not the version their last history entry produced (or that have a
 * history entry for a version they never reached): empty when history and sheets agree.
 */
export async function sheetsOutOfStepWithHistory(
  db: Db,
): Promise<{ id: string; version: number; last: number }[]> {
  return query(
    db,
    sql`select s.id, s.version, max(h.version)::int as last
        from sheets s join sheet_history h on h.sheet_id = s.id
        group by s.id, s.version having max(h.version) <> s.version`,
  );
}
