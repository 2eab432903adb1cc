import type ExcelJS from 'exceljs';
import type { FieldIssue } from '../../schemas/issues';

/** Reading cells as text, and the list of problems found, each by worksheet and cell. */

export const unreadable = '数値または文字で入力してください';

/**
 * A number as Excel shows it: 15 significant digits; '48%' typed in Excel is stored as 0.48; a
 * negative number whose format writes it with △ or ▲ (`#,##0;"△"#,##0`) as △5, the way the
 * document reads (the value parser reads △ as minus).
 */
function numberText(n: number, numFmt: string | undefined): string | null {
  if (!Number.isFinite(n)) return null;
  const percent = numFmt?.includes('%') ?? false;
  const shown = Number((percent ? n * 100 : n).toPrecision(15));
  const triangle = shown < 0 ? /[△▲]/.exec(numFmt?.split(';')[1] ?? '')?.[0] : undefined;
  const written = triangle ? `${triangle}${-shown}` : String(shown);
  return percent ? `${written}%` : written;
}

function textOf(value: ExcelJS.CellValue, numFmt?: string): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return null;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('error' in value) return null;
  if ('result' in value) return value.result === undefined ? null : textOf(value.result, numFmt);
  return null;
}

/** A cell's text: a number as it reads ('48.2'), a date as '2023-03-31', a merged cell its first cell's. */
export function readText(sheet: ExcelJS.Worksheet, row: number, column: number): string | null {
  const cell = sheet.getCell(row, column);
  const source = cell.isMerged ? cell.master : cell;
  const text = textOf(source.value, source.numFmt);
  return text === null ? null : text.replace(/\r\n?/g, '\n');
}

/** The first cell of the merged range a cell is in (the cell itself when not merged). */
export function masterOf(
  sheet: ExcelJS.Worksheet,
  row: number,
  column: number,
): { row: number; column: number } {
  const cell = sheet.getCell(row, column);
  const master = cell.isMerged ? cell.master : cell;
  return { row: Number(master.row), column: Number(master.col) };
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** 「健康福祉課!J12」. */
export function cellRef(sheetName: string, row: number, column: number): string {
  return `${sheetName}!${columnLetters(column)}${row}`;
}

/** Where an interchange field came from: the cell, and the column or label it is under. */
export type Location = { ref: string; label: string };

/** Problems found while reading, and where each field of the file came from. */
export class Findings {
  readonly issues: FieldIssue[] = [];
  /** Interchange path (sheets[0].goals[1].no) → cell. */
  readonly locations = new Map<string, Location>();

  add(ref: string, message: string): void {
    this.issues.push({ path: ref, message });
  }

  locate(path: string, location: Location): void {
    this.locations.set(path, location);
  }

  /** The cell a file path (as issuesFromZod writes it) came from, by its longest known prefix. */
  find(path: string): Location | null {
    for (let p = path; p !== ''; p = p.replace(/(?:\.[^.[\]]*|\[\d+\])$/, '')) {
      const found = this.locations.get(p);
      if (found) return found;
      if (!/[.[]/.test(p)) break;
    }
    return null;
  }
}
