import { z } from './zod';

/** The backup file's first line says what it is; this marks mokuhyo's format. */
export const backupFormat = 'mokuhyo-backup';
export const backupFormatVersion = 1;

/** A migration applied to the database the backup was taken from (drizzle's own record). */
const appliedMigrationSchema = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number().int(),
});
export type AppliedMigration = z.infer<typeof appliedMigrationSchema>;

/**
 * The header, the first line of a backup (gzip-compressed NDJSON): what wrote it, the schema
 * it fits (the applied migrations), and each table's columns and row count. Then, per table,
 * a line `["table", name, rows]` followed by one JSON object per row (`row_to_json`), and last
 * `["end", totalRows]` — a file without it was cut short.
 */
export const backupHeaderSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.literal(backupFormatVersion),
  createdAt: z.iso.datetime({ offset: true }),
  engine: z.enum(['pglite', 'postgres']),
  /** The migrations applied to the source database, oldest first. */
  migrations: z.array(appliedMigrationSchema),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      columns: z.array(z.string().min(1)),
      rows: z.number().int().min(0),
    }),
  ),
  /** Each sequence's state (identity columns), so new rows continue where the source stood. */
  sequences: z.array(
    z.object({
      name: z.string().min(1),
      lastValue: z.string().regex(/^-?\d+$/),
    }),
  ),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** What a backup or a restore did, as the command and the log report it. */
export interface BackupSummary {
  engine: 'pglite' | 'postgres';
  createdAt: string;
  tables: number;
  rows: number;
  /** Rows per table, in the order written. */
  rowsByTable: Record<string, number>;
  migrations: number;
}

/** The summary a backup's header tells. */
export function backupSummary(header: BackupHeader): BackupSummary {
  return {
    engine: header.engine,
    createdAt: header.createdAt,
    tables: header.tables.length,
    rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
    rowsByTable: Object.fromEntries(header.tables.map((t) => [t.name, t.rows])),
    migrations: header.migrations.length,
  };
}

/** What the server's control channel answers when it cannot take a backup. */
export const controlErrorSchema = z.object({ error: z.object({ message: z.string() }) });
