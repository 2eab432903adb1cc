import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { type BackupHeader, type BackupSummary, backupSummary } from '../../schemas/backup';
import { AppError } from '../../server/app-error';
import { applyMigrations, type Database, migrationsFolder } from '../client';
import { appliedMigrations, appSchema, listTables, query } from './catalog';
import { readBackup, readBackupHeader } from './read-backup';

const batchRows = 500;

/** Refuse unless every table of the app's schema is empty (a new data directory or database). */
async function assertEmpty(database: Database): Promise<void> {
  for (const table of await listTables(database.db)) {
    const [row] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from ${sql.identifier(appSchema)}.${sql.identifier(table.name)}`,
    );
    if ((row?.n ?? 0) > 0) {
      throw new AppError(
        'conflict',
        `復元先のデータベースは空ではありません（${table.name} に ${row?.n} 行あります）。` +
          '上書きはしません。空のデータディレクトリか、新しく作ったデータベースを指定してください。',
      );
    }
  }
}

/**
 * The backup's schema must be one this version of mokuhyo knows: its migrations the first of
 * ours, hash for hash. The target may have none or some of them applied, never others.
 */
function checkMigrations(header: BackupHeader, ours: { hash: string }[], target: { hash: string }[]): void {
  const differs = header.migrations.findIndex((m, i) => ours[i]?.hash !== m.hash);
  if (header.migrations.length > ours.length || differs >= 0) {
    throw new AppError(
      'invalid',
      'このバックアップは、この版の mokuhyo が知らないスキーマ（マイグレーション）で作られています。' +
        'バックアップを取った版以降の mokuhyo で復元してください。',
    );
  }
  if (target.length > header.migrations.length || target.some((m, i) => ours[i]?.hash !== m.hash)) {
    throw new AppError(
      'conflict',
      '復元先には、バックアップより新しいスキーマが適用されています。' +
        '空のデータディレクトリか、新しく作ったデータベースを指定してください。',
    );
  }
}

/** Apply only the first `count` committed migrations (the schema the backup was taken in). */
async function migrateTo(database: Database, count: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-migrations-'));
  try {
    const journal = JSON.parse(await readFile(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    journal.entries = journal.entries.slice(0, count);
    await mkdir(join(dir, 'meta'));
    await writeFile(join(dir, 'meta/_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) {
      await copyFile(join(migrationsFolder, `${entry.tag}.sql`), join(dir, `${entry.tag}.sql`));
    }
    await applyMigrations(database, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Restore a backup into an empty database opened without migrating: bring its schema to the
 * backup's migrations, insert every row in one transaction (tables after the tables they point
 * at, a table pointing at itself in one statement; identity values kept as they were), set the
 * sequences, then apply the migrations added since. Nothing is written if anything fails.
 */
export async function restoreBackup(database: Database, file: string): Promise<BackupSummary> {
  const header = await readBackupHeader(createReadStream(file));
  const ours = readMigrationFiles({ migrationsFolder });
  checkMigrations(header, ours, await appliedMigrations(database.db));
  await assertEmpty(database);
  await migrateTo(database, header.migrations.length);

  const tables = new Map((await listTables(database.db)).map((t) => [t.name, t]));
  const order = [...tables.keys()];
  for (const [index, expected] of header.tables.entries()) {
    const table = tables.get(expected.name);
    const same =
      table && [...table.columns].sort().join('\u0000') === [...expected.columns].sort().join('\u0000');
    if (!same) {
      throw new AppError(
        'invalid',
        `バックアップのテーブル ${expected.name} が復元先のスキーマと合いません。`,
      );
    }
    const later = table.references.find((r) => {
      const at = header.tables.findIndex((t) => t.name === r);
      return at > index && (header.tables[at]?.rows ?? 0) > 0;
    });
    if (later) throw new AppError('invalid', `テーブル ${expected.name} が ${later} より先に並んでいます。`);
  }
  const missing = order.filter((name) => !header.tables.some((t) => t.name === name));
  if (missing.length > 0) {
    throw new AppError('invalid', `バックアップにテーブル ${missing.join('、')} がありません。`);
  }

  await database.db.transaction(async (tx) => {
    await readBackup(createReadStream(file), {
      batchSize: (name) =>
        (tables.get(name)?.selfReferencing ?? false) ? Number.POSITIVE_INFINITY : batchRows,
      batch: async (name, rows) => {
        const table = tables.get(name);
        if (!table) return;
        const target = sql.raw(`${quoted(appSchema)}.${quoted(name)}`);
        const columns = sql.raw(table.writable.map(quoted).join(', '));
        await tx.execute(
          sql`insert into ${target} (${columns}) overriding system value
              select ${columns} from json_populate_recordset(null::${target}, ${`[${rows.join(',')}]`}::json)`,
        );
      },
    });
    for (const sequence of header.sequences) {
      await tx.execute(
        sql`select setval(${`${quoted(appSchema)}.${quoted(sequence.name)}`}::regclass, ${sequence.lastValue}::bigint, true)`,
      );
    }
    // A sequence the backup has no value for (never used, or not readable by the role that took
    // it) continues after the largest value restored into its column.
    const owned = await query<{ table: string; column: string; sequence: string }>(
      tx,
      sql`select c.relname as "table", a.attname as "column",
                 pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
          where n.nspname = ${appSchema} and c.relkind in ('r', 'p')
            and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null`,
    );
    // pg_get_serial_sequence names it `public.user_changes_id_seq` (quoted only where it must be).
    const restored = new Set(header.sequences.map((q) => q.name));
    const bareName = (sequence: string) =>
      (sequence.split('.').pop() ?? '').replace(/^"(.*)"$/, '$1').replaceAll('""', '"');
    for (const { table, column, sequence } of owned) {
      if (restored.has(bareName(sequence))) continue;
      const target = sql.raw(`${quoted(appSchema)}.${quoted(table)}`);
      await tx.execute(
        sql`select setval(${sequence}::regclass, m) from (select max(${sql.identifier(column)}) as m from ${target}) x
            where m is not null`,
      );
    }
  });
  await applyMigrations(database);
  return backupSummary(header);
}
