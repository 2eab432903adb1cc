import { describe, expect, it } from 'vitest';
import { readWardYearWorkbook } from '../../imports/xlsx';
import { openWorkbook, rowOf, saveWorkbook, worksheet } from '../../imports/xlsx/testing';
import type { IndicatorFile, SheetFile, WardYearFile } from '../../schemas/interchange';
import { goalNumbered, indicatorNamed, sheetFileTitled } from '../../server/testing/finders';
import { wardYearWorkbook } from '.';

/** Values whose cells alone cannot give them back: the hidden metadata must. */

const cell = (text: string | null, value: number | null) => ({ text, value });

function indicator(name: string, extra: Partial<IndicatorFile> = {}): IndicatorFile {
  return {
    name,
    unit: null,
    actuals: { '2019': cell(null, null), '2020': cell('―', null), '2021': cell('5,630人', 5630) },
    target: cell('48.2', 48.2),
    result: cell(null, null),
    note: null,
    achievement: null,
    evaluation: null,
    ...extra,
  };
}

function sheet(department: string, organization: string | null, extra: Partial<SheetFile> = {}): SheetFile {
  return {
    department,
    organization,
    phone: null,
    createdOn: null,
    revisedOn: null,
    evaluatedOn: null,
    purpose: null,
    approach: null,
    outcome: null,
    goals: [],
    ...extra,
  };
}

const tricky: WardYearFile = {
  municipality: '新潟市',
  ward: '北区',
  fiscalYear: 2022,
  sheets: [
    sheet('地域総務課', null, {
      phone: '',
      createdOn: '2022-04-01',
      revisedOn: '2022-10-01',
      purpose: '  一行目\r\n二行目\r三行目  ',
      approach: '',
      outcome: '結果\n',
      status: 'draft',
      goals: [
        {
          no: 1,
          parentNo: 3,
          text: '改行を\r\n含む目標',
          initiatives: ['・元から中黒', '', '二行に\nまたがる取組', ' 前後に空白 '],
          indicators: [
            indicator('時間外勤務時間', {
              unit: '',
              direction: 'lower',
              actuals: { '2019': cell('12', 13), '2020': cell(null, 7), '2021': cell('', null) },
              target: cell('0012', 12),
              result: cell('5.0', 5),
              note: '',
              achievement: '  空白で始まる',
              evaluation: '未達成',
              evaluationReason: '選挙事務のため',
              milestoneDone: false,
              revisions: [
                { from: cell('50', 50), to: cell('45', 45), revisedOn: '2022-09-30', reason: '選挙' },
              ],
            }),
            indicator('実績が2年分だけ', {
              actuals: { '2020': cell('1', 1), '2021': cell('2', 2) },
              target: cell('1234567890123456', 1234567890123456),
              result: cell('-5', -5),
              milestoneDone: null,
              evaluationReason: null,
            }),
          ],
        },
        { no: 2, parentNo: null, text: '指標のない目標', initiatives: [], indicators: [] },
      ],
    }),
    sheet('総務課/庶務係[臨時]:*?', null, { status: 'published' }),
    sheet('地域総務課', '地域総務課（2）'),
    sheet('建設課', 'とても長い名前の組織で三十一文字を超えてしまうような出張所の分室', {
      status: 'evaluated',
    }),
  ],
};

/** The file as stored: every line break is a line feed (CRLF and CR are normalised, src/schemas/text.ts). */
const asStored = (file: WardYearFile): WardYearFile =>
  JSON.parse(JSON.stringify(file).replace(/\\r\\n|\\r/g, '\\n'));

describe('every field comes back, not only what the cells show', () => {
  it('reads back an awkward file identically', async () => {
    const read = await readWardYearWorkbook(await wardYearWorkbook(tricky));
    expect(read).toStrictEqual(asStored(tricky));
  });

  it('keeps source and uncertain absent when they were absent, and present when present', async () => {
    const withNotes = { ...tricky, source: null, uncertain: ['どちらとも読める'] };
    expect(await readWardYearWorkbook(await wardYearWorkbook(withNotes))).toStrictEqual(asStored(withNotes));
  });

  it('names worksheets so Excel accepts them', async () => {
    const workbook = await openWorkbook(await wardYearWorkbook(tricky));
    expect(workbook.worksheets.map((s) => s.name)).toStrictEqual([
      '地域総務課',
      '総務課／庶務係［臨時］：＊？',
      '地域総務課（2）',
      'とても長い名前の組織で三十一文字を超えてしまうような出張所の分室'.slice(0, 31),
      '_mokuhyo',
    ]);
  });

  it('takes what a person wrote over the recorded value once the cell changes', async () => {
    const workbook = await openWorkbook(await wardYearWorkbook(tricky));
    const ws = worksheet(workbook, '地域総務課');
    const row = rowOf(ws, 5, '時間外勤務時間');
    ws.getCell(row, 7).value = '12時間'; // R1実績: was text '12' recorded as 13
    ws.getCell(row, 10).value = '0012'; // R4目標: unchanged text keeps its recorded value
    ws.getCell(row, 6).value = ''; // 単位: still empty, stays ''
    ws.getCell('D4').value = '新しい目的'; // 組織の目的
    const second = rowOf(ws, 5, '実績が2年分だけ');
    ws.getCell(second, 11).value = 0.482; // R4結果: '48.2%' typed in Excel
    // exceljs shares one style object between cells read with the same style: give this one its own.
    ws.getCell(second, 11).style = { ...ws.getCell(second, 11).style, numFmt: '0.0%' };
    ws.getCell(second, 9).value = { formula: 'G9+1', result: 3 }; // R3実績 as a formula
    const read = await readWardYearWorkbook(await saveWorkbook(workbook));
    const first = sheetFileTitled(read, '地域総務課');
    const changed = indicatorNamed(goalNumbered(first, 1), '時間外勤務時間');
    expect(changed?.actuals['2019']).toStrictEqual(cell('12時間', 12));
    expect(changed?.target).toStrictEqual(cell('0012', 12));
    expect(changed?.unit).toBe('');
    expect(changed?.revisions).toHaveLength(1);
    expect(first?.purpose).toBe('新しい目的');
    expect(first?.phone).toBe('');
    const typed = indicatorNamed(goalNumbered(first, 1), '実績が2年分だけ');
    expect(typed?.result).toStrictEqual(cell('48.2%', 48.2));
    expect(typed?.actuals['2021']).toStrictEqual(cell('3', 3));
    expect(typed?.actuals['2019']).toBeUndefined();
  });
});
