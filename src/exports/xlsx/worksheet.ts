import type ExcelJS from 'exceljs';
import { formatFiscalYear } from '../../domain/fiscal-year';
import type { GoalFile, SheetFile } from '../../schemas/interchange';
import { type Codec, encodeField, type Override, optionalText, requiredText, sheetDate } from './codec';
import {
  columnWidths,
  type FooterField,
  footerFields,
  footerLabels,
  type HeaderField,
  headerPlaces,
  keyColumn,
  lastColumn,
  sheetTitleText,
  tableFields,
  tableHeaderRow,
  titleRow,
} from './layout';
import type { SheetMeta } from './metadata';
import { applyLook, cellPadding, lineHeight, textHeight } from './style';
import { writeTable } from './table';

/** One organization's worksheet, laid out like the official 組織目標管理シート. */

export type OrganizationSheetInput = {
  /** The sheet's header, footer and goals (header fields empty for the blank template). */
  sheet: Pick<SheetFile, Exclude<keyof SheetFile, 'status' | 'goals'>> & { goals: GoalFile[] };
  fiscalYear: number;
  ward: string;
  /** The key linking the worksheet to its metadata, or null for the blank template. */
  key: string | null;
  rowsPerGoal: number;
  /** Height (lines) of a row without an indicator: room to write in the blank template. */
  emptyRowLines: number;
};

type Fields = Record<string, Override>;

function widthOf(span: [number, number]): number {
  let width = 0;
  for (let column = span[0]; column <= span[1]; column++)
    width += columnWidths[tableFields[column - 1] ?? 'no'];
  return width;
}

function writeHeader(sheet: ExcelJS.Worksheet, input: OrganizationSheetInput, fields: Fields): void {
  const { sheet: data } = input;
  const rowHeights = new Map<number, number>();
  const put = <T>(field: HeaderField, codec: Codec<T>, original: T, blank: T) => {
    const place = headerPlaces[field];
    const [text, override] = encodeField(codec, original, blank);
    if (override) fields[field] = override;
    sheet.mergeCells(place.row, place.labelSpan[0], place.row, place.labelSpan[1]);
    sheet.getCell(place.row, place.labelSpan[0]).value = place.label;
    applyLook(sheet, 'label', place.row, place.labelSpan[0], place.row, place.labelSpan[1]);
    if (place.valueSpan[1] > place.valueSpan[0]) {
      sheet.mergeCells(place.row, place.valueSpan[0], place.row, place.valueSpan[1]);
    }
    sheet.getCell(place.row, place.valueSpan[0]).value = text;
    applyLook(sheet, 'headerValue', place.row, place.valueSpan[0], place.row, place.valueSpan[1]);
    const height = Math.max(
      textHeight(text, widthOf(place.valueSpan)),
      textHeight(place.label, widthOf(place.labelSpan)),
    );
    // 組織の目的 gets room for two lines even when empty.
    const least = field === 'purpose' ? 2 * lineHeight + cellPadding : lineHeight + 6;
    rowHeights.set(place.row, Math.max(rowHeights.get(place.row) ?? 0, height, least));
  };
  const fiscalYear: Codec<string> = { encode: (v) => v, decode: (t) => ({ ok: true, value: t }) };
  put('fiscalYear', fiscalYear, formatFiscalYear(input.fiscalYear), '');
  put('ward', fiscalYear, input.ward, '');
  put('department', requiredText, data.department, '');
  put('organization', optionalText, data.organization, null);
  put('phone', optionalText, data.phone, null);
  put('createdOn', sheetDate, data.createdOn, null);
  put('revisedOn', sheetDate, data.revisedOn, null);
  put('evaluatedOn', sheetDate, data.evaluatedOn, null);
  put('purpose', optionalText, data.purpose, null);
  for (const [row, height] of rowHeights) sheet.getRow(row).height = height;
}

function writeFooter(
  sheet: ExcelJS.Worksheet,
  firstRow: number,
  data: OrganizationSheetInput['sheet'],
  fields: Fields,
): number {
  let row = firstRow + 1;
  const totalWidth = widthOf([1, lastColumn]);
  const values: Record<FooterField, string | null> = { approach: data.approach, outcome: data.outcome };
  for (const field of footerFields) {
    sheet.mergeCells(row, 1, row, lastColumn);
    sheet.getCell(row, 1).value = footerLabels[field].label;
    applyLook(sheet, 'footerLabel', row, 1, row, lastColumn);
    sheet.getRow(row).height = 16;
    const [text, override] = encodeField(optionalText, values[field], null);
    if (override) fields[field] = override;
    sheet.mergeCells(row + 1, 1, row + 1, lastColumn);
    sheet.getCell(row + 1, 1).value = text;
    applyLook(sheet, 'text', row + 1, 1, row + 1, lastColumn);
    sheet.getRow(row + 1).height = Math.max(textHeight(text, totalWidth), 3 * lineHeight);
    row += 2;
  }
  return row - 1;
}

/** Text for Excel's page header or footer, where '&' starts a code. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, '&&');
}

function setUpPage(sheet: ExcelJS.Worksheet, lastRow: number, input: OrganizationSheetInput): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    printArea: `A1:N${lastRow}`,
    printTitlesRow: `${tableHeaderRow}:${tableHeaderRow + 1}`,
  };
  // Excel allows 255 characters for a whole page footer.
  // Cut by characters, not UTF-16 units, so that no surrogate pair is split.
  const who = [...[input.ward, input.sheet.department, input.sheet.organization].filter(Boolean).join(' ')]
    .slice(0, 120)
    .join('');
  const what = `${formatFiscalYear(input.fiscalYear)} ${sheetTitleText}`;
  sheet.headerFooter = {
    oddFooter: `&L&8${headerFooterText(who)}&C&8&P / &N&R&8${headerFooterText(what)}`,
  };
}

/** Fills a new worksheet; returns the overrides of its fields for the metadata. */
export function writeOrganizationSheet(
  sheet: ExcelJS.Worksheet,
  input: OrganizationSheetInput,
): Pick<SheetMeta, 'fields' | 'goals' | 'indicators'> {
  tableFields.forEach((field, i) => {
    sheet.getColumn(i + 1).width = columnWidths[field];
  });
  const keys = sheet.getColumn(keyColumn);
  keys.width = 10;
  keys.hidden = true;
  sheet.mergeCells(titleRow, 1, titleRow, lastColumn);
  sheet.getCell(titleRow, 1).value = sheetTitleText;
  applyLook(sheet, 'title', titleRow, 1);
  sheet.getRow(titleRow).height = 24;
  if (input.key !== null) sheet.getCell(titleRow, keyColumn).value = input.key;
  const fields: Fields = {};
  writeHeader(sheet, input, fields);
  sheet.getRow(tableHeaderRow - 1).height = 8;
  const table = writeTable(sheet, input.sheet.goals, input.fiscalYear, {
    rowsPerGoal: input.rowsPerGoal,
    emptyRowLines: input.emptyRowLines,
    keys: input.key !== null,
  });
  const lastRow = writeFooter(sheet, table.nextRow, input.sheet, fields);
  setUpPage(sheet, lastRow, input);
  keepFormulaLikeTextAsText(sheet);
  return { fields, ...table.meta };
}

/**
 * Every cell is written as a string, never a formula. A string Excel would run as a formula once
 * a person re-enters the cell (it starts with = + - @) also gets the Text format ('@'), so
 * editing it keeps the text as written.
 */
function keepFormulaLikeTextAsText(sheet: ExcelJS.Worksheet): void {
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) cell.numFmt = '@';
    });
  });
}
