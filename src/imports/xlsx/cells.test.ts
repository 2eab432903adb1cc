import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCell } from '../../domain/cell-value';
import { readText } from './cells';

function cellText(value: ExcelJS.CellValue, numFmt?: string): string | null {
  const sheet = new ExcelJS.Workbook().addWorksheet('シート');
  const cell = sheet.getCell(1, 1);
  cell.value = value;
  if (numFmt) cell.numFmt = numFmt;
  return readText(sheet, 1, 1);
}

describe('readText of a number cell', () => {
  it('writes a negative number with the △ or ▲ its format shows', () => {
    expect(cellText(-5, '#,##0;"△"#,##0')).toBe('△5');
    expect(cellText(-1200, '#,##0;[Red]"▲ "#,##0')).toBe('▲1200');
    expect(cellText(-0.05, '0.0%;"△"0.0%')).toBe('△5%');
    expect(cellText(5, '#,##0;"△"#,##0')).toBe('5');
  });

  it('keeps the minus sign for any other format', () => {
    expect(cellText(-5)).toBe('-5');
    expect(cellText(-5, '#,##0;-#,##0')).toBe('-5');
    expect(cellText(-5, '"△"0')).toBe('-5');
  });

  it('gives text the value parser reads back as the same negative number', () => {
    for (const [value, numFmt] of [
      [-5, '#,##0;"△"#,##0'],
      [-1200, '#,##0;"▲"#,##0'],
      [-48.2, '0.0;"△"0.0'],
    ] as const) {
      expect(parseCell(cellText(value, numFmt)).value).toBe(value);
    }
  });
});
