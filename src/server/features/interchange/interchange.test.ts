import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { goals, indicators, indicatorValues, placements, sheets } from '../../../db/schema';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../../../db/testing';
import { defaultLicence } from '../../../domain/licence';
import { AppError } from '../../app-error';
import { goalNumbered, indicatorNamed, sampleFile, sheetFileTitled } from '../../testing/finders';
import { registerMunicipality } from '../municipalities/municipalities';
import { exportWardYear } from './export-ward-year';
import { importWardYear } from './import-ward-year';

let database: Database;
beforeEach(async () => {
  database = await createTestDatabase();
  // As a システム管理者 registers it: an import never does.
  await registerMunicipality(database.db, '新潟市');
});
afterEach(async () => {
  await database.close();
});

async function rowCounts() {
  const { db } = database;
  const [[s], [g], [i], [p], [v]] = await Promise.all([
    db.select({ n: count() }).from(sheets),
    db.select({ n: count() }).from(goals),
    db.select({ n: count() }).from(indicators),
    db.select({ n: count() }).from(placements),
    db.select({ n: count() }).from(indicatorValues),
  ]);
  return { sheets: s?.n, goals: g?.n, indicators: i?.n, placements: p?.n, values: v?.n };
}

/** The sample with only the fields the interchange format defines (drops what export adds). */
function sampleShape(file: unknown): unknown {
  return JSON.parse(JSON.stringify(file), function (this: Record<string, unknown>, key, value) {
    if (key === 'status' && 'goals' in this) return undefined;
    return value;
  });
}

describe('import → export of the interchange format', () => {
  it('round-trips the Niigata Kita sample field by field', async () => {
    const summary = await importWardYear(database.db, sample);
    expect(summary).toMatchObject({ sheets: 8, goals: 32, indicators: 43, createdSheets: 8 });
    const exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
    // The export adds the licence the municipality publishes under (none chosen: the default).
    expect(sampleShape(exported)).toStrictEqual({ ...sample, licence: defaultLicence });
    expect(exported.sheets.every((s) => s.status === 'published')).toBe(true);
  });

  it('imports the same file twice without duplicating anything', async () => {
    await importWardYear(database.db, sample);
    const before = await rowCounts();
    const summary = await importWardYear(database.db, sample);
    expect(summary).toMatchObject({ createdSheets: 0, updatedSheets: 0, unchangedSheets: 8 });
    expect(await rowCounts()).toStrictEqual(before);
    expect(before).toStrictEqual({ sheets: 8, goals: 32, indicators: 43, placements: 43, values: 43 * 5 });
  });

  it('keeps an indicator one series: a re-import updates its values instead of adding one', async () => {
    await importWardYear(database.db, sample);
    const edited = sampleFile();
    const indicator = indicatorNamed(sheetFileTitled(edited, '地域総務課'), '定時退庁推進日実施率');
    indicator.result = { text: '51.0', value: 51 };
    await importWardYear(database.db, edited);
    const exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
    expect(
      indicatorNamed(sheetFileTitled(exported, '地域総務課'), '定時退庁推進日実施率').result,
    ).toStrictEqual({
      text: '51.0',
      value: 51,
    });
    expect((await rowCounts()).indicators).toBe(43);
  });
});

describe('a bad import writes nothing', () => {
  async function expectRejected(file: unknown, path: string) {
    const error = await importWardYear(database.db, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('invalid');
    expect(appError.message).toMatch(/何も書き込んでいません/);
    expect(appError.issues.map((i) => i.path)).toContain(path);
    for (const issue of appError.issues) expect(issue.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    return appError;
  }

  it('names the bad field by its path when a value is not a number, and writes no row', async () => {
    const bad = sampleFile();
    const indicator = indicatorNamed(sheetFileTitled(bad, '健康福祉課'), '特定健康診査受診率');
    Object.assign(indicator, { target: { text: '7回', value: '7回' } });
    await expectRejected(bad, 'sheets[3].goals[1].indicators[0].target.value');
    expect(await rowCounts()).toStrictEqual({ sheets: 0, goals: 0, indicators: 0, placements: 0, values: 0 });
  });

  it('rejects a bad file without touching data already there', async () => {
    await importWardYear(database.db, sample);
    const before = await rowCounts();
    const bad = sampleFile();
    Object.assign(goalNumbered(sheetFileTitled(bad, '北出張所'), 1), { evaluation: undefined, no: 0 });
    sheetFileTitled(bad, '地域総務課').purpose = 'changed';
    await expectRejected(bad, 'sheets[7].goals[0].no');
    expect(await rowCounts()).toStrictEqual(before);
    const exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
    expect(sheetFileTitled(exported, '地域総務課').purpose).toBe(
      sheetFileTitled(sampleFile(), '地域総務課').purpose,
    );
  });

  it('rejects rule violations: duplicate goal numbers, actuals of other years, dates out of order', async () => {
    const bad = sampleFile();
    const sheet = sheetFileTitled(bad, '北区郷土博物館');
    const [first, second] = [goalNumbered(sheet, 1), goalNumbered(sheet, 2)];
    second.no = first.no;
    const visitors = indicatorNamed(first, '年間入館者数及び事業参加者数');
    (visitors.actuals as Record<string, unknown>)['2018'] = { text: '1', value: 1 };
    sheet.createdOn = '2023-05-01';
    const error = await expectRejected(bad, 'sheets[1].goals[1].no');
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['sheets[1].goals[0].indicators[0].actuals.2018', 'sheets[1].evaluatedOn']),
    );
    expect((await rowCounts()).sheets).toBe(0);
  });

  it('rejects something that is not a ward file at all', async () => {
    for (const input of [null, 'text', [], { sheets: 'x' }]) {
      const error = await importWardYear(database.db, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
    }
    expect((await rowCounts()).sheets).toBe(0);
  });
});

describe('the order of a ward year’s sheets', () => {
  it('keeps the order when one organization’s sheet is imported alone, and appends a new one', async () => {
    await importWardYear(database.db, sample);
    const single = sampleFile();
    single.sheets = [sheetFileTitled(single, '健康福祉課')];
    await importWardYear(database.db, single);
    const added = sampleFile();
    const first = sheetFileTitled(added, '地域総務課');
    added.sheets = [{ ...first, department: '新しい課', phone: '025-000-0000' }];
    await importWardYear(database.db, added);
    const exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
    expect(exported.sheets.map((s) => s.organization ?? s.department)).toEqual([
      ...sample.sheets.map((s) => s.organization ?? s.department),
      '新しい課',
    ]);
  });
});
