import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadSampleIfEmpty } from '../../db/seed/load-sample';
import { createTestDatabase } from '../../db/testing';
import { wardYearWorkbook } from '../../exports/xlsx';
import type { GoalFile, IndicatorFile, WardYearFile } from '../../schemas/interchange';
import { AppError } from '../../server/app-error';
import { exportWardYear } from '../../server/features/interchange/export-ward-year';
import { importWardYear } from '../../server/features/interchange/import-ward-year';
import { goalNumbered, indicatorNamed, sheetFileTitled } from '../../server/testing/finders';
import { readWardYearWorkbook } from '.';
import { deleteRow, insertRow, openWorkbook, rowOf, saveWorkbook, worksheet } from './testing';

/** One database for the file: every test that writes restores the sample first. */
let database: Database;
let exported: WardYearFile;
let workbookBytes: Buffer;

beforeAll(async () => {
  database = await createTestDatabase();
  await loadSampleIfEmpty(database.db);
  exported = await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 });
  workbookBytes = await wardYearWorkbook(exported);
});
afterAll(async () => {
  await database.close();
});

const column = { no: 1, parentNo: 2, name: 5, unit: 6, actual0: 7, target: 10, result: 11, evaluation: 14 };

/** Goal `no` of the sheet titled `title` in `file`. */
function goalOf(file: WardYearFile, title: string, no: number) {
  return goalNumbered(sheetFileTitled(file, title), no);
}

/** Where the indicator named `name` sits among its goal's indicators. */
function positionOf(goal: GoalFile, name: string): number {
  return goal.indicators.indexOf(indicatorNamed(goal, name));
}

const newIndicator = (name: string, target: string, value: number): IndicatorFile => ({
  name,
  unit: '回',
  actuals: {
    '2019': { text: null, value: null },
    '2020': { text: null, value: null },
    '2021': { text: '―', value: null },
  },
  target: { text: target, value },
  result: { text: null, value: null },
  note: null,
  achievement: null,
  evaluation: '達成',
});

describe('a workbook edited by a person', () => {
  it('reads what they changed, added and deleted, and nothing else changes', async () => {
    const workbook = await openWorkbook(workbookBytes);
    const expected = structuredClone(exported);

    // 地域総務課: a new result for 定時退庁推進日実施率.
    const general = worksheet(workbook, '地域総務課');
    general.getCell(rowOf(general, column.name, '定時退庁推進日実施率'), column.result).value = '52.3';
    indicatorNamed(goalOf(expected, '地域総務課', 4), '定時退庁推進日実施率').result = {
      text: '52.3',
      value: 52.3,
    };

    // 地域総務課 goal 2: a row added right after its (one-row) block, No. … 主な取組 left empty.
    const after = rowOf(general, column.name, '避難所運営組織数') + 1;
    insertRow(general, after);
    general.getRow(after).values = [
      '',
      '',
      '',
      '',
      '訓練の実施回数',
      '回',
      '',
      '',
      '―',
      '３回',
      '',
      '',
      '',
      '達成',
    ];
    goalOf(expected, '地域総務課', 2).indicators.push({
      ...newIndicator('訓練の実施回数', '３回', 3),
      actuals: { ...newIndicator('', '', 0).actuals },
    });

    // 健康福祉課 goal 1: a row inserted inside its merged block; goal 3: its second row deleted.
    const health = worksheet(workbook, '健康福祉課');
    const inside = rowOf(health, column.name, '地域福祉座談会開催');
    insertRow(health, inside);
    health.getRow(inside).values = [
      '',
      '',
      '',
      '',
      '見守り訪問回数',
      '回',
      '',
      '',
      '―',
      '12回',
      '',
      '',
      '',
      '達成',
    ];
    const planning = goalOf(expected, '健康福祉課', 1);
    planning.indicators.splice(
      positionOf(planning, '地域福祉座談会開催'),
      0,
      newIndicator('見守り訪問回数', '12回', 12),
    );
    deleteRow(health, rowOf(health, column.name, '地域での認知症予防講座開催数'));
    const checkups = goalOf(expected, '健康福祉課', 3);
    checkups.indicators.splice(positionOf(checkups, '地域での認知症予防講座開催数'), 1);

    const read = await readWardYearWorkbook(await saveWorkbook(workbook));
    expect(read).toStrictEqual(expected);

    await importWardYear(database.db, read);
    expect(await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 })).toStrictEqual(expected);
    await importWardYear(database.db, exported);
  });
});

async function editedWorkbook(edit: (workbook: Awaited<ReturnType<typeof openWorkbook>>) => void) {
  const workbook = await openWorkbook(workbookBytes);
  edit(workbook);
  return saveWorkbook(workbook);
}

/** Reads and, only if reading succeeds, imports; returns the error and checks the DB kept the sample. */
async function rejected(bytes: Buffer): Promise<AppError> {
  const error = await readWardYearWorkbook(bytes)
    .then((file) => importWardYear(database.db, file))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(AppError);
  expect(await exportWardYear(database.db, { ward: '北区', fiscalYear: 2022 })).toStrictEqual(exported);
  const appError = error as AppError;
  for (const issue of appError.issues) expect(issue.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  return appError;
}

describe('a workbook that cannot be read is refused with the cell to fix, and nothing is written', () => {
  it('a worksheet that is not a sheet', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => {
        workbook.addWorksheet('メモ').getCell('A1').value = '来年度の検討事項';
      }),
    );
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/何も取り込んでいません/);
    expect(error.issues).toStrictEqual([
      { path: 'メモ!A1', message: 'このワークシートは組織目標管理シートの形式ではありません' },
    ]);
  });

  it('a worksheet of the export deleted', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => workbook.removeWorksheet(worksheet(workbook, '建設課').id)),
    );
    expect(error.issues).toStrictEqual([
      {
        path: '_mokuhyo!A9',
        message:
          '書き出したときにあったワークシート『建設課』（建設課）がありません。削除したワークシートを元に戻してから取り込んでください',
      },
    ]);
  });

  it('text where a number must be, and an unreadable value', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => {
        const sheet = worksheet(workbook, '健康福祉課');
        const row = rowOf(sheet, column.name, '特定健康診査受診率');
        sheet.getCell(row, column.no).value = '二';
        sheet.getCell(row, column.parentNo).value = '第2';
        sheet.getCell(row, column.target).value = { error: '#DIV/0!' };
      }),
    );
    expect(error.issues).toStrictEqual([
      { path: '健康福祉課!J10', message: 'R4目標：数値または文字で入力してください' },
      { path: '健康福祉課!A10', message: 'No.（目標の番号）は 1〜99 の数字で入力してください' },
      { path: '健康福祉課!B10', message: '部区の目標番号は数字で入力してください（ない場合は空欄）' },
    ]);
  });

  it('a missing column', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => {
        worksheet(workbook, '健康福祉課').getCell('E7').value = '指標名';
      }),
    );
    expect(error.issues).toStrictEqual([
      { path: '健康福祉課!E7', message: '必須の列『指標 項目』が見つかりません' },
    ]);
  });

  it('an unknown evaluation word', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => {
        const sheet = worksheet(workbook, '建設課');
        sheet.getCell(8, column.evaluation).value = 'ほぼ達成';
      }),
    );
    expect(error.issues).toStrictEqual([
      { path: '建設課!N8', message: '評価は「達成」「一部未達成」「未達成」のいずれかを入力してください' },
    ]);
  });

  it('rules of the whole file, at the cell: a goal number used twice, a date that is not one', async () => {
    const error = await rejected(
      await editedWorkbook((workbook) => {
        const sheet = worksheet(workbook, '北出張所');
        sheet.getCell(9, column.no).value = 1;
        sheet.getCell('M2').value = '年度当初';
      }),
    );
    expect(error.issues).toStrictEqual([
      {
        path: '北出張所!M2',
        message: '作成日：日付は「令和5年3月31日」または「2023/3/31」の形で入力してください',
      },
      { path: '北出張所!A9', message: 'No.：目標番号 1 が重複しています' },
    ]);
  });

  it('a 50 MB file, before reading it', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024);
    big.writeUInt32LE(0x04034b50, 0);
    const error = await rejected(big);
    expect(error.code).toBe('too_large');
    expect(error.issues).toStrictEqual([
      { path: '', message: 'ファイルが大きすぎます（50.0 MB）。20.0 MB以下の Excel ファイルにしてください' },
    ]);
  });

  it('a PDF or a CSV renamed to .xlsx', async () => {
    const pdf = await rejected(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1'));
    expect(pdf.code).toBe('invalid');
    expect(pdf.message).toMatch(/^このファイルはPDF ファイルで、Excel ファイル（\.xlsx）ではありません/);
    const csv = await rejected(Buffer.from('自治体,部区,年度\n新潟市,北区,2022\n'));
    expect(csv.message).toMatch(/^このファイルはテキストファイル（CSV など）で/);
    const zip = await rejected(Buffer.from('PK\u0003\u0004 not really a zip archive'));
    expect(zip.message).toMatch(/壊れている/);
  });
});
