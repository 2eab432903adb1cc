import { parseCell, qualifierWords } from '../domain/cell-value';
import { directionLabels } from '../domain/evaluation';
import { actualYears, formatFiscalYear } from '../domain/fiscal-year';
import { asWritten, correctionText, revisionText } from '../domain/sheet-text';
import type { SheetDetail, SheetGoal, SheetIndicator } from '../schemas/sheet';

/**
 * Open data: a 部区's sheets of one year as CSV (UTF-8 with BOM, CRLF, RFC 4180), one row per
 * indicator and year — the three 実績 years, then the sheet's year with its target and result.
 * Every column is described in csv-columns.md.
 */

export interface WardYearCsvInput {
  municipality: string;
  ward: string;
  fiscalYear: number;
  sheets: SheetDetail[];
}

export const csvColumns = [
  '自治体',
  '部区',
  '年度',
  '年度（和暦）',
  '組織名（部）',
  '組織名（準部・課・機関名）',
  '作成日',
  '修正日',
  '評価日',
  '目標番号',
  '部区目標番号',
  '組織目標',
  '指標',
  '単位',
  '方向',
  '対象年度',
  '対象年度（和暦）',
  '区分',
  '目標',
  '目標（数値）',
  '結果',
  '結果（数値）',
  '評価',
  '補足・参考指標',
  '目標達成状況',
  '目標の修正',
  '指標ID',
  '目標の条件',
  '結果の訂正',
] as const;

export type CsvColumn = (typeof csvColumns)[number];

/** A value as the CSV holds it: text (guarded against formulas), a number, or nothing. */
export type Field = { text: string | null } | { number: number | null };
type CsvRow = Record<CsvColumn, Field>;

export const text = (value: string | null): Field => ({ text: value });
export const number = (value: number | null): Field => ({ number: value });

const bom = '\uFEFF';
const recordEnd = '\r\n';

/** A plain number such as '-5' or '1,234.5' is data, not a formula. */
const plainNumber = /^[+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^[+-]?\d+(?:\.\d+)?$/;

/**
 * Text a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) gets a leading apostrophe. A plain number and the bare dash that sheets write for
 * 「なし」 cannot run and stay as they are.
 */
export function neutralizeFormula(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value) || value === '-' || plainNumber.test(value)) return value;
  return `'${value}`;
}

/** RFC 4180: a field with a comma, a double quote or a line break is quoted, quotes doubled. */
function quoteField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function formatField(field: Field): string {
  if ('number' in field)
    return field.number === null || !Number.isFinite(field.number) ? '' : String(field.number);
  return field.text === null ? '' : quoteField(neutralizeFormula(asWritten(field.text)));
}

/** 以上 / 以下 / 超 / 未満 written after the target (以内 reads as 以下); null when none. */
function targetBound(target: string | null): string | null {
  const { qualifier } = parseCell(target);
  return qualifier ? qualifierWords[qualifier] : null;
}

function indicatorRows(
  input: WardYearCsvInput,
  sheet: SheetDetail,
  goal: SheetGoal,
  indicator: SheetIndicator,
): CsvRow[] {
  const common = {
    自治体: text(input.municipality),
    部区: text(input.ward),
    年度: number(sheet.fiscalYear),
    '年度（和暦）': text(formatFiscalYear(sheet.fiscalYear)),
    '組織名（部）': text(sheet.departmentName),
    '組織名（準部・課・機関名）': text(sheet.organizationName),
    作成日: text(sheet.createdOn),
    修正日: text(sheet.revisedOn),
    評価日: text(sheet.evaluatedOn),
    目標番号: number(goal.no),
    部区目標番号: number(goal.parentNo),
    組織目標: text(goal.text),
    指標: text(indicator.name),
    単位: text(indicator.unit),
    方向: text(directionLabels[indicator.direction]),
    指標ID: text(indicator.indicatorId),
  };
  const actuals = actualYears(sheet.fiscalYear).map((year): CsvRow => {
    const actual = indicator.actuals.find((cell) => cell.fiscalYear === year);
    return {
      ...common,
      対象年度: number(year),
      '対象年度（和暦）': text(formatFiscalYear(year)),
      区分: text('実績'),
      目標: text(null),
      '目標（数値）': number(null),
      結果: text(actual?.text ?? null),
      '結果（数値）': number(actual?.value ?? null),
      評価: text(null),
      '補足・参考指標': text(null),
      目標達成状況: text(null),
      目標の修正: text(null),
      目標の条件: text(null),
      結果の訂正: correctionsOf(indicator, year),
    };
  });
  const year: CsvRow = {
    ...common,
    対象年度: number(sheet.fiscalYear),
    '対象年度（和暦）': text(formatFiscalYear(sheet.fiscalYear)),
    区分: text('目標・結果'),
    目標: text(indicator.target.text),
    '目標（数値）': number(indicator.target.value),
    結果: text(indicator.result.text),
    '結果（数値）': number(indicator.result.value),
    評価: text(indicator.evaluation),
    '補足・参考指標': text(indicator.note),
    目標達成状況: text(indicator.achievement),
    目標の修正: text(
      indicator.revisions.length > 0 ? indicator.revisions.map(revisionText).join('\n') : null,
    ),
    目標の条件: text(targetBound(indicator.target.text)),
    結果の訂正: correctionsOf(indicator, sheet.fiscalYear),
  };
  return [...actuals, year];
}

/** The approved corrections (正誤) of one year's result, one per line. */
function correctionsOf(indicator: SheetIndicator, fiscalYear: number): Field {
  const notes = indicator.corrections.filter((n) => n.fiscalYear === fiscalYear);
  return text(notes.length > 0 ? notes.map((n) => correctionText(indicator, n)).join('\n') : null);
}

/** The CSV of a 部区's year, in the order of its sheets, goals and indicators. */
export function wardYearCsv(input: WardYearCsvInput): string {
  const rows = input.sheets.flatMap((sheet) =>
    sheet.goals.flatMap((goal) =>
      goal.indicators.flatMap((indicator) => indicatorRows(input, sheet, goal, indicator)),
    ),
  );
  return csvText(
    csvColumns,
    rows.map((row) => csvColumns.map((column) => row[column])),
  );
}

/** A CSV file as spreadsheets in Japanese offices open it: UTF-8 with BOM, CRLF, RFC 4180. */
export function csvText(header: readonly string[], rows: readonly (readonly Field[])[]): string {
  const lines = [header.map(quoteField).join(','), ...rows.map((row) => row.map(formatField).join(','))];
  return `${bom}${lines.map((line) => line + recordEnd).join('')}`;
}
