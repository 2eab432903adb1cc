import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import {
  type BackupHeader,
  type BackupSummary,
  backupFormat,
  backupFormatVersion,
} from '../../schemas/backup';
import type { Database, Tx } from '../client';
import { appliedMigrations, appSchema, listSequences, listTables, query } from './catalog';

const fetchSize = 1000;

async function* backupLines(tx: Tx, header: BackupHeader): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  let total = 0;
  for (const table of header.tables) {
    yield `${JSON.stringify(['table', table.name, table.rows])}\n`;
    await tx.execute(
      sql`declare mokuhyo_backup no scroll cursor for
          select row_to_json(t)::text as j from ${sql.identifier(appSchema)}.${sql.identifier(table.name)} t`,
    );
    for (;;) {
      const rows = await query<{ j: string }>(tx, sql.raw(`fetch ${fetchSize} from mokuhyo_backup`));
      if (rows.length === 0) break;
      total += rows.length;
      // A row is one line: JSON escapes newlines in strings; a `json` column may keep raw ones
      // as whitespace, where a space means the same.
      yield `${rows.map((r) => r.j.replaceAll('\n', ' ')).join('\n')}\n`;
    }
    await tx.execute(sql`close mokuhyo_backup`);
  }
  yield `${JSON.stringify(['end', total])}\n`;
}

/**
 * Write a full backup of every table of the app's schema to `out` (gzip-compressed NDJSON, see
 * `backupHeaderSchema`), all read in one REPEATABLE READ READ ONLY transaction: one consistent
 * snapshot while the app goes on writing. On PGlite (one connection) other queries wait for it.
 */
export async function writeBackup(database: Database, out: Writable): Promise<BackupSummary> {
  return database.db.transaction(
    async (tx) => {
      const tables = await listTables(tx);
      const counted = [];
      for (const table of tables) {
        const [row] = await query<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.identifier(appSchema)}.${sql.identifier(table.name)}`,
        );
        counted.push({ name: table.name, columns: table.columns, rows: row?.n ?? 0 });
      }
      const header: BackupHeader = {
        format: backupFormat,
        formatVersion: backupFormatVersion,
        createdAt: new Date().toISOString(),
        engine: database.engine,
        migrations: await appliedMigrations(tx),
        tables: counted,
        sequences: await listSequences(tx),
      };
      await pipeline(Readable.from(backupLines(tx, header)), createGzip(), out);
      return {
        engine: header.engine,
        createdAt: header.createdAt,
        tables: counted.length,
        rows: counted.reduce((sum, t) => sum + t.rows, 0),
        rowsByTable: Object.fromEntries(counted.map((t) => [t.name, t.rows])),
        migrations: header.migrations.length,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
