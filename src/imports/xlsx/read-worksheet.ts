import type ExcelJS from 'exceljs';
import { formatFiscalYear, parseFiscalYear } from '../../domain/fiscal-year';
import { type Codec, decodeField, optionalText, requiredText, sheetDate } from '../../exports/xlsx/codec';
import {
  footerFields,
  type HeaderField,
  headerPlaces,
  labelKey,
  sheetTitleText,
} from '../../exports/xlsx/layout';
import type { SheetMeta } from '../../exports/xlsx/metadata';
import type { SheetFile } from '../../schemas/interchange';
import { cellRef, type Findings, readText } from './cells';
import {
  findFooterRow,
  headerValue,
  type LabelledText,
  readFooterTexts,
  readHeaderTexts,
} from './read-header';
import { readGoals } from './read-table';
import { findTableHeaderRow, readTableColumns } from './table-columns';

/** One organization's worksheet as a sheet of the interchange file. */

/** A worksheet recognised as a sheet: where its table starts and what its header says. */
export type RecognisedSheet = {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  header: Partial<Record<HeaderField, LabelledText>>;
  /** The year and 部区 the worksheet says it is for, checked against the workbook's by the caller. */
  fiscalYear: number | null;
  ward: string;
  fiscalYearRef: string;
  wardRef: string;
};

function hasTitle(sheet: ExcelJS.Worksheet, headerRow: number): boolean {
  const title = labelKey(sheetTitleText);
  for (let row = 1; row < headerRow; row++) {
    for (let column = 1; column <= 14; column++) {
      if (labelKey(readText(sheet, row, column) ?? '') === title) return true;
    }
  }
  return false;
}

/** The worksheet as a sheet, or null when it has not the title and table of one. */
export function recogniseSheet(sheet: ExcelJS.Worksheet, findings: Findings): RecognisedSheet | null {
  const headerRow = findTableHeaderRow(sheet);
  if (headerRow === null || !hasTitle(sheet, headerRow)) return null;
  const header = readHeaderTexts(sheet, headerRow - 1, findings);
  const place = (field: HeaderField) =>
    cellRef(sheet.name, headerPlaces[field].row, headerPlaces[field].valueSpan[0]);
  const year = header.fiscalYear;
  const fiscalYear = year ? parseFiscalYear(year.text) : null;
  if (year && fiscalYear === null) {
    findings.add(year.ref, `年度：「${formatFiscalYear(2023)}」の形で入力してください`);
  }
  return {
    sheet,
    headerRow,
    header,
    fiscalYear,
    ward: (header.ward?.text ?? '').trim(),
    fiscalYearRef: year?.ref ?? place('fiscalYear'),
    wardRef: header.ward?.ref ?? place('ward'),
  };
}

export type ReadSheetContext = {
  recognised: RecognisedSheet;
  meta: SheetMeta | null;
  fiscalYear: number;
  sheetIndex: number;
  findings: Findings;
};

/** Reads the header, table and footer of a recognised worksheet. */
export function readSheet({
  recognised,
  meta,
  fiscalYear,
  sheetIndex,
  findings,
}: ReadSheetContext): SheetFile {
  const { sheet, headerRow, header } = recognised;
  const path = `sheets[${sheetIndex}]`;
  const o = meta?.fields ?? {};
  findings.locate(path, { ref: cellRef(sheet.name, 1, 1), label: sheet.name });
  const fromHeader = <T>(field: HeaderField, codec: Codec<T>, fallback: T): T => {
    const read = headerValue(sheet, header, field, codec, o[field], findings);
    if (read) findings.locate(`${path}.${field}`, { ref: read.ref, label: headerPlaces[field].label });
    return read?.value === undefined ? fallback : read.value;
  };
  const sheetFile: SheetFile = {
    department: fromHeader('department', requiredText, ''),
    organization: fromHeader('organization', optionalText, null),
    phone: fromHeader('phone', optionalText, null),
    createdOn: fromHeader('createdOn', sheetDate, null),
    revisedOn: fromHeader('revisedOn', sheetDate, null),
    evaluatedOn: fromHeader('evaluatedOn', sheetDate, null),
    purpose: fromHeader('purpose', optionalText, null),
    approach: null,
    outcome: null,
    goals: [],
  };
  const table = readTableColumns(sheet, headerRow, fiscalYear, findings);
  const footerRow = findFooterRow(sheet, table?.firstRow ?? headerRow + 1);
  const footer = readFooterTexts(sheet, footerRow, findings);
  for (const field of footerFields) {
    const found = footer[field];
    if (!found) continue;
    findings.locate(`${path}.${field}`, { ref: found.ref, label: found.label });
    const decoded = decodeField(optionalText, found.text, o[field]);
    sheetFile[field] = decoded.ok ? (decoded.value ?? null) : null;
  }
  findings.locate(`${path}.goals`, { ref: cellRef(sheet.name, headerRow, 1), label: '組織目標' });
  if (table) {
    sheetFile.goals = readGoals({
      sheet,
      table,
      lastRow: (footerRow ?? sheet.rowCount + 1) - 1,
      fiscalYear,
      meta,
      sheetIndex,
      findings,
    });
  }
  if (meta?.status !== undefined) sheetFile.status = meta.status;
  return sheetFile;
}
