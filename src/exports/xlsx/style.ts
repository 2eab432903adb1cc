import type ExcelJS from 'exceljs';

/** The look of the official sheet: BIZ UDPゴシック, thin rules, grey labels, text that wraps. */

const fontName = 'BIZ UDPゴシック';
const fontSize = 9;
/** Points per printed line of 9 pt text, and the padding a cell adds above and below. */
export const lineHeight = 12;
export const cellPadding = 4;
/** Excel's highest row. */
export const maxRowHeight = 409;

const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: fontName,
  size: fontSize,
  family: 3,
  charset: 128,
  ...extra,
});

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const grid: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const grey: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };

type Look = Partial<Pick<ExcelJS.Style, 'font' | 'alignment' | 'border' | 'fill'>>;

const looks = {
  title: {
    font: font({ size: 14, bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle' },
  },
  label: {
    font: font({ bold: true }),
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    border: grid,
    fill: grey,
  },
  columnHeader: {
    font: font({ bold: true }),
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    border: grid,
    fill: grey,
  },
  footerLabel: {
    font: font({ bold: true }),
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    border: grid,
    fill: grey,
  },
  headerValue: {
    font: font(),
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
    border: grid,
  },
  text: {
    font: font(),
    alignment: { horizontal: 'left', vertical: 'top', wrapText: true },
    border: grid,
  },
  centered: {
    font: font(),
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: grid,
  },
  value: {
    font: font(),
    alignment: { horizontal: 'right', vertical: 'top', wrapText: true },
    border: grid,
  },
  evaluation: {
    font: font({ bold: true }),
    alignment: { horizontal: 'center', vertical: 'top', wrapText: true },
    border: grid,
  },
  key: { font: font({ color: { argb: 'FF808080' } }) },
} satisfies Record<string, Look>;
export type LookName = keyof typeof looks;

/** Styles every cell of a rectangle (a merged range keeps its borders on every side). */
export function applyLook(
  sheet: ExcelJS.Worksheet,
  look: LookName,
  top: number,
  left: number,
  bottom = top,
  right = left,
): void {
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      sheet.getCell(row, column).style = { ...looks[look] };
    }
  }
}

/** Approximate width of a character in Excel's column units at 9 pt (full-width ≈ 1.7). */
function charWidth(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000;
  return wide ? 1.72 : 0.9;
}

/** How many printed lines a text takes in a cell `width` column units wide. */
function lineCount(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split('\n')) {
    let used = 0;
    let count = 1;
    for (const ch of line) {
      const w = charWidth(ch);
      if (used + w > usable) {
        count++;
        used = 0;
      }
      used += w;
    }
    lines += count;
  }
  return lines;
}

/** The row height (points) a text needs, at least one line, at most Excel's limit. */
export function textHeight(text: string, width: number): number {
  return Math.min(maxRowHeight, lineCount(text, width) * lineHeight + cellPadding);
}
