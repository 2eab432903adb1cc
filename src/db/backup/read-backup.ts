import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type BackupHeader, backupFormat, backupHeaderSchema } from '../../schemas/backup';
import { AppError } from '../../server/app-error';

/** Where the rows of a backup go as they are read: in batches, each a JSON object as text. */
export interface BackupSink {
  /** The most rows to hand over at once for this table (Infinity: the whole table in one batch). */
  batchSize(table: string): number;
  batch(table: string, rows: string[]): Promise<void>;
}

function broken(detail: string): AppError {
  return new AppError('invalid', `バックアップファイルを読み込めません: ${detail}`);
}

async function* lines(input: Readable): AsyncGenerator<string> {
  const gunzip = createGunzip();
  pipeline(input, gunzip, () => {});
  gunzip.setEncoding('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const text = rest + (chunk as string);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (error) {
    throw broken(
      `gzip として展開できません（${(error as Error).message}）。ファイルが壊れているか、途中で切れています`,
    );
  }
  if (rest !== '') yield rest;
}

function marker(line: string): unknown[] | null {
  if (!line.startsWith('[')) return null;
  try {
    const value: unknown = JSON.parse(line);
    if (Array.isArray(value)) return value;
  } catch {
    // Reported below.
  }
  throw broken('行の形式が正しくありません');
}

function parseHeader(line: string): BackupHeader {
  try {
    const parsed = backupHeaderSchema.safeParse(JSON.parse(line));
    if (!parsed.success) {
      const format = (JSON.parse(line) as { format?: unknown }).format;
      throw broken(
        format === backupFormat
          ? `この版の mokuhyo が読めない形式です（${parsed.error.issues.map((i) => i.path.join('.')).join('、')}）`
          : 'mokuhyo のバックアップではありません',
      );
    }
    return parsed.data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw broken('mokuhyo のバックアップではありません');
  }
}

/** Only the header of a backup (what it holds, which schema it fits). */
export async function readBackupHeader(input: Readable): Promise<BackupHeader> {
  const source = lines(input);
  try {
    const first = await source.next();
    if (first.done) throw broken('空のファイルです');
    return parseHeader(first.value);
  } finally {
    await source.return(undefined);
    input.destroy();
  }
}

/**
 * Read a whole backup as it streams: its header (checked), then each table's rows, handed to
 * `sink` in batches and checked against the header's names and counts, then the end mark (a file
 * without it was cut short). Throws an AppError with a Japanese message at the first fault.
 */
export async function readBackup(input: Readable, sink: BackupSink): Promise<BackupHeader> {
  const source = lines(input);
  const first = await source.next();
  if (first.done) throw broken('空のファイルです');
  const header = parseHeader(first.value);
  let tableIndex = -1;
  let current: { name: string; expected: number; seen: number; batchSize: number } | null = null;
  let batch: string[] = [];
  let total = 0;
  let ended = false;
  const flush = async () => {
    if (current && batch.length > 0) await sink.batch(current.name, batch);
    batch = [];
  };
  const closeTable = async () => {
    await flush();
    if (current && current.seen !== current.expected) {
      throw broken(
        `テーブル ${current.name} の行数が見出しと合いません（${current.seen} / ${current.expected}）`,
      );
    }
  };
  for await (const line of source) {
    if (line === '') continue;
    if (ended) throw broken('終わりの印の後に続きがあります');
    const mark = marker(line);
    if (mark === null) {
      if (!current || !line.startsWith('{')) throw broken('行の形式が正しくありません');
      current.seen++;
      total++;
      batch.push(line);
      if (batch.length >= current.batchSize) await flush();
      continue;
    }
    await closeTable();
    if (mark[0] === 'table') {
      tableIndex++;
      const expected = header.tables[tableIndex];
      if (!expected || mark[1] !== expected.name || mark[2] !== expected.rows) {
        throw broken(`テーブルの並びが見出しと合いません（${String(mark[1])}）`);
      }
      current = {
        name: expected.name,
        expected: expected.rows,
        seen: 0,
        batchSize: sink.batchSize(expected.name),
      };
    } else if (mark[0] === 'end') {
      if (tableIndex !== header.tables.length - 1 || mark[1] !== total)
        throw broken('テーブルが欠けています');
      current = null;
      ended = true;
    } else {
      throw broken('行の形式が正しくありません');
    }
  }
  if (!ended) throw broken('終わりの印がありません。ファイルが途中で切れています');
  return header;
}
