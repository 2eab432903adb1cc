import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadSampleIfEmpty } from '../../db/seed/load-sample';
import sample from '../../db/seed/niigata-kita-2022.json';
import { createTestDatabase } from '../../db/testing';
import { readWardYearWorkbook } from '../../imports/xlsx';
import { openWorkbook, worksheet } from '../../imports/xlsx/testing';
import type { WardYearFile } from '../../schemas/interchange';
import { exportWardYear } from '../../server/features/interchange/export-ward-year';
import { importWardYear } from '../../server/features/interchange/import-ward-year';
import { blankTemplate, wardYearWorkbook } from '.';
import { metadataSheetName } from './metadata';

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
  return result;
}

describe('DB → Excel → file → DB', () => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await database.close();
  });

  it('gives back the exported file field by field, and the same export after importing it', async () => {
    await loadSampleIfEmpty(database.db);
    const exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
    const bytes = await timed('wardYearWorkbook (北区 令和4年度, 8 sheets), first call', () =>
      wardYearWorkbook(exported),
    );
    const read = await timed('readWardYearWorkbook, first call', () => readWardYearWorkbook(bytes));
    expect(read).toStrictEqual(exported);
    await timed('wardYearWorkbook, warm', () => wardYearWorkbook(exported));
    await timed('readWardYearWorkbook, warm', () => readWardYearWorkbook(bytes));

    const summary = await timed('importWardYear of the read file', () => importWardYear(database.db, read));
    // The workbook as exported changes nothing: every sheet is left as it is (and not written).
    expect(summary).toMatchObject({
      sheets: 8,
      goals: 32,
      indicators: 43,
      updatedSheets: 0,
      unchangedSheets: 8,
    });
    expect(await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 })).toStrictEqual(exported);
    console.log(`workbook size: ${(bytes.length / 1024).toFixed(1)} KiB`);
  });
});

describe('the workbook as a person sees it', () => {
  it('has one worksheet per organization, named after it, and the hidden metadata', async () => {
    const workbook = await openWorkbook(await wardYearWorkbook(sample as WardYearFile));
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toStrictEqual([
      ['地域総務課', 'visible'],
      ['北区郷土博物館', 'visible'],
      ['区民生活課', 'visible'],
      ['健康福祉課', 'visible'],
      ['北地域保健福祉センター', 'visible'],
      ['産業振興課', 'visible'],
      ['建設課', 'visible'],
      ['北出張所', 'visible'],
      [metadataSheetName, 'hidden'],
    ]);
  });

  it('lays the sheet out like the official one', async () => {
    const workbook = await openWorkbook(await wardYearWorkbook(sample as WardYearFile));
    const sheet = worksheet(workbook, '地域総務課');
    expect(sheet.getCell('A1').value).toBe('組織目標管理シート');
    expect(sheet.getCell('A2').value).toBe('年度');
    expect(sheet.getCell('D2').value).toBe('令和4年度');
    expect(sheet.getCell('M2').value).toBe('令和4年4月1日');
    expect(sheet.getCell('M4').value).toBe('令和5年3月31日');
    const headers = [6, 7].map((row) => sheet.getRow(row).values);
    expect(headers[0]).toContain('主な取組（事業）');
    expect(headers[1]).toEqual(
      expect.arrayContaining(['項目', '単位', 'R1実績', 'R3実績', 'R4目標', 'R4結果']),
    );
    // 定時退庁推進日実施率: numbers as numbers with the same display, text as written.
    expect(sheet.getCell('E11').value).toBe('定時退庁推進日実施率');
    expect(sheet.getCell('K11').value).toBe(48.2);
    expect(sheet.getCell('I8').value).toBe('区ビジョン基本方針策定');
    expect(sheet.getCell('D10').value).toBe(
      '・地域活動補助金\n・コミ協運営助成金\n・コミ協等への支援（助言等）',
    );
    expect(sheet.getCell('C8').font.name).toBe('BIZ UDPゴシック');
    expect(sheet.getCell('C8').alignment.wrapText).toBe(true);
    expect(sheet.getCell('C8').border.top?.style).toBe('thin');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
    });
    expect(sheet.getColumn(15).hidden).toBe(true);

    const health = worksheet(workbook, '健康福祉課');
    // Goal 1's two indicators share its No., 部区, 組織目標 and 主な取組.
    expect(health.model.merges).toEqual(expect.arrayContaining(['A8:A9', 'B8:B9', 'C8:C9', 'D8:D9']));
    const footer = health.getColumn(1).values.findIndex((v) => String(v).startsWith('取り組みについて'));
    expect(footer).toBeGreaterThan(19);
    expect(String(health.getCell(footer + 1, 1).value)).toMatch(/^個人や地域の抱えている問題/);
  });

  it('makes a blank template for a new organization that reads back once filled in', async () => {
    const template = await blankTemplate(2023, { municipality: '新潟市', ward: '北区' });
    const workbook = await openWorkbook(template);
    const sheet = worksheet(workbook, '新しい組織');
    expect(sheet.getCell('D2').value).toBe('令和5年度');
    expect(sheet.getRow(7).values).toEqual(
      expect.arrayContaining(['R2実績', 'R3実績', 'R4実績', 'R5目標', 'R5結果']),
    );
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A8:A9', 'C16:C17']));

    const unfilled = await readWardYearWorkbook(template).catch((e: unknown) => e);
    expect(unfilled).toMatchObject({ code: 'invalid' });
    expect((unfilled as { issues: unknown[] }).issues).toContainEqual({
      path: '新しい組織!J2',
      message: '組織名（部）：入力してください',
    });

    sheet.getCell('J2').value = '市民生活課';
    sheet.getCell('C8').value = '窓口サービスを向上します';
    sheet.getCell('E8').value = '窓口アンケート満足度';
    sheet.getCell('F8').value = '％';
    sheet.getCell('J8').value = 80;
    const filled = await readWardYearWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(filled).toMatchObject({ municipality: '新潟市', ward: '北区', fiscalYear: 2023 });
    expect(filled.sheets).toHaveLength(1);
    expect(filled.sheets[0]?.department).toBe('市民生活課');
    expect(filled.sheets[0]?.goals).toStrictEqual([
      {
        no: 1,
        parentNo: null,
        text: '窓口サービスを向上します',
        initiatives: [],
        indicators: [
          {
            name: '窓口アンケート満足度',
            unit: '％',
            actuals: {
              '2020': { text: null, value: null },
              '2021': { text: null, value: null },
              '2022': { text: null, value: null },
            },
            target: { text: '80', value: 80 },
            result: { text: null, value: null },
            note: null,
            achievement: null,
            evaluation: null,
          },
        ],
      },
    ]);
  });
});
