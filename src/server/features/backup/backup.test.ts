import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { backupDatabaseToFile } from '../../../db/backup/backup-file';
import { listSequences } from '../../../db/backup/catalog';
import { restoreBackup } from '../../../db/backup/restore-backup';
import { createEmptyTestDatabase, createTestDatabase } from '../../../db/testing';
import { scheduledBackupName } from '../../../domain/backup-schedule';
import { parseEnv } from '../../env';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { saveLoop, untilSaves } from '../../testing/save-loop';
import {
  backupRowsFingerprint,
  sheetsOutOfStepWithHistory,
  tableRowsFingerprint,
} from '../../testing/table-rows';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { postgresBackupLeader } from './backup-leader';
import { takeScheduledBackup } from './backup-schedule';
import { formatBytes } from './format-backup-summary';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
let t: TestApp;
let dir: string;
const sheetIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-backup-'));
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const list = await (
    await admin.get(`/api/v1/sheets?fiscalYear=2023&ward=${encodeURIComponent('北区')}`)
  ).json();
  const byName = (name: string) => {
    const sheet = (list.sheets as { id: string; title: string }[]).find((s) => s.title === name);
    if (!sheet) throw new Error(`no sheet of ${name}`);
    return sheet.id;
  };
  sheetIds.push(byName('地域総務課'), byName('健康福祉課'));
}, 120_000);
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe(`backup and restore (${engine})`, () => {
  it('a backup taken while saves run restores into an empty database, table for table', async () => {
    const [, fukushiSheet] = sheetIds as [string, string];
    // One editor saving again and again (in-process, PGlite runs one statement at a time).
    const loops = [saveLoop(await t.as('fukushi-staff'), fukushiSheet, 'purpose')];
    const total = () => loops.reduce((sum, l) => sum + l.saves(), 0);
    onTestFinished(async () => {
      await Promise.allSettled(loops.map((l) => l.stop()));
    });
    await untilSaves(loops, 6);
    const file = join(dir, 'during-saves.ndjson.gz');
    const savesBefore = total();
    const started = performance.now();
    const summary = await backupDatabaseToFile(t.database, file);
    const backupMs = performance.now() - started;
    const savesDuring = total() - savesBefore;
    const afterBackup = total();
    await untilSaves(loops, afterBackup + 4);
    const saves = (await Promise.all(loops.map((l) => l.stop()))).reduce((a, b) => a + b, 0);

    const target = await createEmptyTestDatabase();
    try {
      const restoreStarted = performance.now();
      await restoreBackup(target, file);
      const restoreMs = performance.now() - restoreStarted;
      expect(await tableRowsFingerprint(target.db)).toStrictEqual(await backupRowsFingerprint(file));
      expect(await sheetsOutOfStepWithHistory(target.db)).toEqual([]);
      expect(await sheetsOutOfStepWithHistory(t.database.db)).toEqual([]);
      // Every table is in it: users, role grants, sessions, history, snapshots, all years.
      for (const table of [
        'users',
        'role_grants',
        'sessions',
        'sheet_history',
        'sheets',
        'indicator_values',
      ]) {
        expect(summary.rowsByTable[table], table).toBeGreaterThan(0);
      }
      expect(Object.keys(summary.rowsByTable)).toContain('sheet_snapshots');
      console.log(
        `[figure] ${engine}: backup while ${saves} saves ran (${savesDuring} completed during the backup): ` +
          `${summary.tables} tables, ${summary.rows} rows, ${formatBytes(summary.bytes)}, ` +
          `backup ${backupMs.toFixed(0)} ms, restore into an empty database ${restoreMs.toFixed(0)} ms; identical table by table`,
      );
    } finally {
      await target.close();
    }
  }, 180_000);

  it('at rest, the restored database equals the source, sequences included; data is refused as a target', async () => {
    const file = join(dir, 'at-rest.ndjson.gz');
    await backupDatabaseToFile(t.database, file);
    // Migrated and empty: also a valid target, for its owner (a restore is the owner's work).
    const target = await createTestDatabase({ as: 'owner' });
    try {
      await restoreBackup(target, file);
      expect(await tableRowsFingerprint(target.db)).toStrictEqual(await tableRowsFingerprint(t.database.db));
      expect(await listSequences(target.db)).toStrictEqual(await listSequences(t.database.db));
      const before = await tableRowsFingerprint(target.db);
      await expect(restoreBackup(target, file)).rejects.toThrow(
        /^復元先のデータベースは空ではありません（.+ に \d+ 行あります）。上書きはしません。/,
      );
      expect(await tableRowsFingerprint(target.db)).toStrictEqual(before);
    } finally {
      await target.close();
    }
  }, 120_000);

  it('a file cut short or not a backup writes nothing, and the same target then takes the good file', async () => {
    const file = join(dir, 'at-rest.ndjson.gz');
    const bytes = await readFile(file);
    const cut = join(dir, 'cut.ndjson.gz');
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const other = join(dir, 'other.json.gz');
    await writeFile(other, 'not a backup');
    const target = await createEmptyTestDatabase();
    try {
      await expect(restoreBackup(target, other)).rejects.toThrow(/バックアップファイルを読み込めません/);
      await expect(restoreBackup(target, cut)).rejects.toThrow(/途中で切れています/);
      const empty = await tableRowsFingerprint(target.db);
      expect(Object.values(empty).every((v) => v.startsWith('0:'))).toBe(true);
      await restoreBackup(target, file);
      expect(await tableRowsFingerprint(target.db)).toStrictEqual(await backupRowsFingerprint(file));
    } finally {
      await target.close();
    }
  }, 120_000);

  it('scheduled backups keep the newest N and leave other files alone', async () => {
    const folder = join(dir, 'scheduled');
    const log: string[] = [];
    const start = Date.parse('2026-11-30T02:00:00Z');
    const taken: string[] = [];
    for (let day = 0; day < 5; day++) {
      const result = await takeScheduledBackup({
        database: t.database,
        config: { dir: folder, keep: 3 },
        leader: null,
        now: new Date(start + day * 86_400_000),
        log: (line) => log.push(line),
      });
      if (!result) throw new Error('no backup taken');
      taken.push(result.file);
      if (day === 0) await writeFile(join(folder, 'notes.txt'), 'kept');
    }
    const names = (await readdir(folder)).sort();
    expect(names).toStrictEqual([
      ...[2, 3, 4].map((day) => scheduledBackupName(new Date(start + day * 86_400_000))),
      'notes.txt',
    ]);
    expect(names.some((n) => n.endsWith('.tmp'))).toBe(false);
    expect(log.at(-1)).toMatch(
      /^定期バックアップ: .+（\d+テーブル・[\d,]+行・.+）、古いバックアップ 1件を削除（保存数 3）$/,
    );
    const size = (await stat(taken.at(-1) ?? '')).size;
    console.log(
      `[figure] ${engine}: scheduled backups, keep 3 of 5: ${names.length - 1} left, ${formatBytes(size)} each`,
    );
  }, 120_000);

  it.runIf(process.env.TEST_DATABASE_URL)(
    'with several app servers, only the leader takes each backup',
    async () => {
      const url = process.env.TEST_DATABASE_URL ?? '';
      const [first, second] = [postgresBackupLeader(url), postgresBackupLeader(url)];
      try {
        expect(await first.tryLead()).toBe(true);
        expect(await second.tryLead()).toBe(false);
        const log: string[] = [];
        const skipped = await takeScheduledBackup({
          database: t.database,
          config: { dir: join(dir, 'led'), keep: 3 },
          leader: second,
          log: (line) => log.push(line),
        });
        expect(skipped).toBeNull();
        expect(log).toStrictEqual([
          '定期バックアップ: 別のアプリサーバーが取得するため、このサーバーでは取りません',
        ]);
        expect(await first.tryLead()).toBe(true);
        await first.release();
        expect(await second.tryLead()).toBe(true);
      } finally {
        await first.release();
        await second.release();
      }
    },
  );

  it('schedule settings are checked at start-up, in Japanese', () => {
    const base = { MOKUHYO_DATA_DIR: dir };
    expect(parseEnv(base).backup).toBeNull();
    expect(parseEnv({ ...base, MOKUHYO_BACKUP_DIR: 'b' }).backup).toMatchObject({
      schedule: { kind: 'daily', hour: 2, minute: 0 },
      keep: 14,
    });
    expect(
      parseEnv({
        ...base,
        MOKUHYO_BACKUP_DIR: 'b',
        MOKUHYO_BACKUP_INTERVAL_HOURS: '6',
        MOKUHYO_BACKUP_KEEP: '4',
      }).backup,
    ).toMatchObject({ schedule: { kind: 'interval', hours: 6 }, keep: 4 });
    expect(() => parseEnv({ ...base, MOKUHYO_BACKUP_DIR: 'b', MOKUHYO_BACKUP_AT: '25:00' })).toThrow(
      /MOKUHYO_BACKUP_AT: MOKUHYO_BACKUP_AT は 02:00 のように/,
    );
    expect(() => parseEnv({ ...base, MOKUHYO_BACKUP_DIR: 'b', MOKUHYO_BACKUP_KEEP: '0' })).toThrow(
      /MOKUHYO_BACKUP_KEEP は 1 以上/,
    );
    expect(() =>
      parseEnv({
        ...base,
        MOKUHYO_BACKUP_DIR: 'b',
        MOKUHYO_BACKUP_AT: '03:00',
        MOKUHYO_BACKUP_INTERVAL_HOURS: '6',
      }),
    ).toThrow(/どちらか一方/);
    expect(() => parseEnv({ ...base, MOKUHYO_BACKUP_KEEP: '3' })).toThrow(
      /MOKUHYO_BACKUP_DIR（保存先のフォルダー）も/,
    );
  });
});
