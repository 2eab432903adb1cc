import type ExcelJS from 'exceljs';
import { parseCell } from '../../domain/cell-value';
import { actualYears } from '../../domain/fiscal-year';
import { revisionText } from '../../domain/sheet-text';
import type { GoalFile, IndicatorFile } from '../../schemas/interchange';
import {
  type Codec,
  encodeField,
  evaluation,
  goalNo,
  initiativeLines,
  type Override,
  optionalText,
  parentNo,
  requiredText,
  storedAs,
  valueCell,
} from './codec';
import {
  columnLabels,
  columnWidths,
  fieldColumn,
  firstDataRow,
  goalFields,
  indicatorGroupLabel,
  keyColumn,
  keyColumnLabel,
  lastColumn,
  type TableField,
  tableHeaderRow,
} from './layout';
import type { IndicatorExtra, SheetMeta } from './metadata';
import { applyLook, cellPadding, type LookName, lineHeight, maxRowHeight, textHeight } from './style';

/** The goal table: two header rows, then one row per indicator with the goal merged over them. */

type Fields = Record<string, Override>;
type TableMeta = Pick<SheetMeta, 'goals' | 'indicators'>;

const looksOf: Record<TableField, LookName> = {
  no: 'centered',
  parentNo: 'centered',
  goal: 'text',
  initiatives: 'text',
  name: 'text',
  unit: 'centered',
  actual0: 'value',
  actual1: 'value',
  actual2: 'value',
  target: 'value',
  result: 'value',
  note: 'text',
  achievement: 'text',
  evaluation: 'evaluation',
};

/** Fields whose plain-number text is stored as a number. */
const numericFields = new Set<TableField>([
  'no',
  'parentNo',
  'actual0',
  'actual1',
  'actual2',
  'target',
  'result',
]);
const valueFields = new Set<TableField>(['actual0', 'actual1', 'actual2', 'target', 'result']);

/** Short numbers line up on the right like in the spreadsheet; sentences and dashes read from the left. */
function isShortNumber(text: string): boolean {
  return parseCell(text).value !== null && text.length <= 10 && !text.includes('\n');
}

function writeHeaderRows(sheet: ExcelJS.Worksheet, fiscalYear: number): void {
  const top = tableHeaderRow;
  for (const label of columnLabels(fiscalYear)) {
    const column = fieldColumn[label.field];
    if (label.bottom === null) {
      sheet.mergeCells(top, column, top + 1, column);
      sheet.getCell(top, column).value = label.top;
    } else {
      sheet.getCell(top + 1, column).value = label.bottom;
    }
  }
  sheet.mergeCells(top, fieldColumn.name, top, fieldColumn.result);
  sheet.getCell(top, fieldColumn.name).value = indicatorGroupLabel;
  applyLook(sheet, 'columnHeader', top, 1, top + 1, lastColumn);
  sheet.getCell(top, keyColumn).value = keyColumnLabel;
  sheet.getRow(top).height = 16;
  sheet.getRow(top + 1).height = 16;
}

/** Writes a field into its cell; returns the override to record, if any. */
function put<T>(
  sheet: ExcelJS.Worksheet,
  row: number,
  field: TableField,
  codec: Codec<T>,
  original: T | undefined,
  blank: T,
  into: Fields,
  name: string,
): string {
  const [text, override] = encodeField(codec, original, blank);
  const cell = sheet.getCell(row, fieldColumn[field]);
  cell.value = numericFields.has(field) ? storedAs(text) : text;
  if (valueFields.has(field) && !isShortNumber(text))
    cell.alignment = { ...cell.alignment, horizontal: 'left' };
  if (override) into[name] = override;
  return text;
}

const emptyCell = { text: null, value: null };

function writeIndicator(
  sheet: ExcelJS.Worksheet,
  row: number,
  indicator: IndicatorFile,
  fiscalYear: number,
): { fields: Fields; extra: IndicatorExtra; height: number } {
  const fields: Fields = {};
  const texts: [TableField, string][] = [
    ['name', put(sheet, row, 'name', requiredText, indicator.name, '', fields, 'name')],
    ['unit', put(sheet, row, 'unit', optionalText, indicator.unit, null, fields, 'unit')],
  ];
  const actualFields = ['actual0', 'actual1', 'actual2'] as const;
  actualYears(fiscalYear).forEach((year, i) => {
    const field = actualFields[i] ?? 'actual0';
    const original = indicator.actuals[String(year)];
    texts.push([field, put(sheet, row, field, valueCell, original, emptyCell, fields, `actuals.${year}`)]);
  });
  texts.push(
    ['target', put(sheet, row, 'target', valueCell, indicator.target, emptyCell, fields, 'target')],
    ['result', put(sheet, row, 'result', valueCell, indicator.result, emptyCell, fields, 'result')],
    ['note', put(sheet, row, 'note', optionalText, indicator.note, null, fields, 'note')],
    [
      'achievement',
      put(sheet, row, 'achievement', optionalText, indicator.achievement, null, fields, 'achievement'),
    ],
    [
      'evaluation',
      put(sheet, row, 'evaluation', evaluation, indicator.evaluation, null, fields, 'evaluation'),
    ],
  );
  const extra: IndicatorExtra = {};
  if (indicator.direction !== undefined) extra.direction = indicator.direction;
  if (indicator.evaluationReason !== undefined) extra.evaluationReason = indicator.evaluationReason;
  if (indicator.milestoneDone !== undefined) extra.milestoneDone = indicator.milestoneDone;
  if (indicator.revisions !== undefined) extra.revisions = indicator.revisions;
  if (indicator.revisions && indicator.revisions.length > 0) {
    sheet.getCell(row, fieldColumn.target).note = indicator.revisions.map(revisionText).join('\n');
  }
  const height = Math.max(...texts.map(([field, text]) => textHeight(text, columnWidths[field])));
  return { fields, extra, height };
}

export type TableOptions = {
  /** Rows each goal takes at least (the blank template leaves room for indicators). */
  rowsPerGoal: number;
  /** Height (lines) of a row without an indicator. */
  emptyRowLines: number;
  /** Whether to write the hidden keys that link rows to the metadata. */
  keys: boolean;
};

/** Writes the table from its header row on; returns the first row after it and the metadata. */
export function writeTable(
  sheet: ExcelJS.Worksheet,
  goals: GoalFile[],
  fiscalYear: number,
  options: TableOptions,
): { nextRow: number; meta: TableMeta } {
  writeHeaderRows(sheet, fiscalYear);
  const meta: TableMeta = { goals: {}, indicators: {} };
  let row = firstDataRow;
  goals.forEach((goal, gi) => {
    const rows = Math.max(1, options.rowsPerGoal, goal.indicators.length);
    const bottom = row + rows - 1;
    const fields: Fields = {};
    const goalText = put(sheet, row, 'goal', requiredText, goal.text, '', fields, 'text');
    const lines = put(
      sheet,
      row,
      'initiatives',
      initiativeLines,
      goal.initiatives,
      [],
      fields,
      'initiatives',
    );
    put(sheet, row, 'no', goalNo, goal.no, 0, fields, 'no');
    put(sheet, row, 'parentNo', parentNo, goal.parentNo, null, fields, 'parentNo');
    if (Object.keys(fields).length > 0) meta.goals[`g${gi}`] = fields;
    const heights: number[] = [];
    for (let r = row; r <= bottom; r++) {
      const ii = r - row;
      const indicator = goal.indicators[ii];
      for (const field of Object.keys(fieldColumn) as TableField[])
        applyLook(sheet, looksOf[field], r, fieldColumn[field]);
      if (options.keys && (indicator || ii === 0)) {
        sheet.getCell(r, keyColumn).value = indicator ? `g${gi}.i${ii}` : `g${gi}`;
        applyLook(sheet, 'key', r, keyColumn);
      }
      if (indicator) {
        const written = writeIndicator(sheet, r, indicator, fiscalYear);
        meta.indicators[`g${gi}.i${ii}`] = { fields: written.fields, extra: written.extra };
        heights.push(written.height);
      } else {
        heights.push(options.emptyRowLines * lineHeight + cellPadding);
      }
      sheet.getCell(r, fieldColumn.evaluation).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"達成,一部未達成,未達成"'],
        showErrorMessage: true,
        errorTitle: '評価',
        error: '評価は「達成」「一部未達成」「未達成」のいずれかを入力してください',
      };
    }
    for (const field of goalFields) {
      if (rows > 1) sheet.mergeCells(row, fieldColumn[field], bottom, fieldColumn[field]);
    }
    const goalHeight = Math.max(
      textHeight(goalText, columnWidths.goal),
      textHeight(lines, columnWidths.initiatives),
    );
    const missing = goalHeight - heights.reduce((sum, h) => sum + h, 0);
    heights.forEach((h, i) => {
      sheet.getRow(row + i).height = Math.min(maxRowHeight, missing > 0 ? h + missing / rows : h);
    });
    row = bottom + 1;
  });
  return { nextRow: row, meta };
}
