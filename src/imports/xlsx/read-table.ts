import type ExcelJS from 'exceljs';
import { actualYears } from '../../domain/fiscal-year';
import {
  aboutField,
  type Codec,
  decodeField,
  evaluation,
  goalNo,
  initiativeLines,
  type Override,
  optionalText,
  parentNo,
  requiredText,
  valueCell,
} from '../../exports/xlsx/codec';
import { goalFields, type TableField, tableFields } from '../../exports/xlsx/layout';
import type { SheetMeta } from '../../exports/xlsx/metadata';
import type { Cell, GoalFile, IndicatorFile } from '../../schemas/interchange';
import { cellRef, type Findings, masterOf, readText, unreadable } from './cells';
import type { TableColumns } from './table-columns';

/**
 * The goal table's rows as goals and indicators. A goal starts at a row with its own No. or
 * 組織目標; the rows under it belong to it while they are merged into it, leave No. … 主な取組
 * empty, or repeat them. A row with no indicator text adds no indicator; a goal slot with only
 * its number (as in the blank template) is skipped. The hidden key of a row (column O) links it
 * to its overrides and hidden fields while that key is used once.
 */

export type TableContext = {
  sheet: ExcelJS.Worksheet;
  table: TableColumns;
  /** The last row of the table (the row before the footer). */
  lastRow: number;
  fiscalYear: number;
  meta: SheetMeta | null;
  /** The sheet's index in the file, for the paths of the locations. */
  sheetIndex: number;
  findings: Findings;
};

type RowTexts = Record<TableField, string>;
type TableRow = { row: number; texts: RowTexts; key: string };
type Block = { first: TableRow; rows: TableRow[] };

const indicatorFields = tableFields.filter((field) => !(goalFields as readonly string[]).includes(field));
const keyPattern = /^g(\d+)(?:\.i(\d+))?$/;

function readRow(ctx: TableContext, row: number): TableRow {
  const texts = {} as RowTexts;
  for (const field of tableFields) {
    const column = ctx.table.columns[field];
    const text = readText(ctx.sheet, row, column);
    if (text === null)
      ctx.findings.add(cellRef(ctx.sheet.name, row, column), `${ctx.table.names[field]}：${unreadable}`);
    texts[field] = text ?? '';
  }
  const key =
    ctx.table.keyColumn === null ? '' : (readText(ctx.sheet, row, ctx.table.keyColumn) ?? '').trim();
  return { row, texts, key };
}

function isBlank(texts: RowTexts, fields: readonly TableField[]): boolean {
  return fields.every((field) => texts[field].trim() === '');
}

/** Whether a row continues the goal above it rather than starting one. */
function continues(ctx: TableContext, current: Block | null, row: TableRow): boolean {
  if (!current) return false;
  if (masterOf(ctx.sheet, row.row, ctx.table.columns.no).row < row.row) return true;
  if (isBlank(row.texts, goalFields)) return true;
  const repeated = (field: TableField) =>
    row.texts[field].trim() === '' || row.texts[field] === current.first.texts[field];
  return row.texts.no.trim() !== '' && row.texts.no === current.first.texts.no && goalFields.every(repeated);
}

function blocksOf(ctx: TableContext): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (let row = ctx.table.firstRow; row <= ctx.lastRow; row++) {
    const read = readRow(ctx, row);
    if (current && continues(ctx, current, read)) {
      current.rows.push(read);
    } else if (!isBlank(read.texts, tableFields)) {
      current = { first: read, rows: [read] };
      blocks.push(current);
    }
  }
  return blocks;
}

/** Reads one field; a problem is an issue at its cell and gives `fallback`. */
function field<T>(
  ctx: TableContext,
  row: TableRow,
  name: TableField,
  codec: Codec<T>,
  override: Override | undefined,
  fallback: T,
  path: string,
): T | undefined {
  const ref = cellRef(ctx.sheet.name, row.row, ctx.table.columns[name]);
  ctx.findings.locate(path, { ref, label: ctx.table.names[name] });
  const decoded = decodeField(codec, row.texts[name], override);
  if (decoded.ok) return decoded.value;
  ctx.findings.add(ref, aboutField(ctx.table.names[name], decoded.message));
  return fallback;
}

const actualFields = ['actual0', 'actual1', 'actual2'] as const;
const blankCell: Cell = { text: null, value: null };

function readIndicator(
  ctx: TableContext,
  row: TableRow,
  meta: SheetMeta['indicators'][string] | undefined,
  path: string,
) {
  const o = meta?.fields ?? {};
  const at = (sub: string) => `${path}.${sub}`;
  const actuals: Record<string, Cell> = {};
  actualYears(ctx.fiscalYear).forEach((year, i) => {
    const name = actualFields[i] ?? 'actual0';
    const cell = field(ctx, row, name, valueCell, o[`actuals.${year}`], blankCell, at(`actuals.${year}`));
    if (cell !== undefined) actuals[String(year)] = cell;
  });
  const indicator: IndicatorFile = {
    name: field(ctx, row, 'name', requiredText, o.name, '', at('name')) ?? '',
    unit: field(ctx, row, 'unit', optionalText, o.unit, null, at('unit')) ?? null,
    actuals,
    target: field(ctx, row, 'target', valueCell, o.target, blankCell, at('target')) ?? blankCell,
    result: field(ctx, row, 'result', valueCell, o.result, blankCell, at('result')) ?? blankCell,
    note: field(ctx, row, 'note', optionalText, o.note, null, at('note')) ?? null,
    achievement: field(ctx, row, 'achievement', optionalText, o.achievement, null, at('achievement')) ?? null,
    evaluation: field(ctx, row, 'evaluation', evaluation, o.evaluation, null, at('evaluation')) ?? null,
    ...meta?.extra,
  };
  return indicator;
}

/** The goals of the table, in row order. */
export function readGoals(ctx: TableContext): GoalFile[] {
  const goals: GoalFile[] = [];
  const usedKeys = new Set<string>();
  const claim = (key: string | null): string | null => {
    if (key === null || usedKeys.has(key)) return null;
    usedKeys.add(key);
    return key;
  };
  for (const block of blocksOf(ctx)) {
    const rows = block.rows.filter((row) => !isBlank(row.texts, indicatorFields));
    if (rows.length === 0 && isBlank(block.first.texts, ['parentNo', 'goal', 'initiatives'])) continue;
    const path = `sheets[${ctx.sheetIndex}].goals[${goals.length}]`;
    const keyed = block.rows.map((row) => keyPattern.exec(row.key)).find((match) => match !== null);
    const goalKey = claim(keyed ? `g${keyed[1]}` : null);
    const o = (goalKey !== null ? ctx.meta?.goals[goalKey] : undefined) ?? {};
    const first = block.first;
    const goal: GoalFile = {
      no: field(ctx, first, 'no', goalNo, o.no, 0, `${path}.no`) ?? 0,
      parentNo: field(ctx, first, 'parentNo', parentNo, o.parentNo, null, `${path}.parentNo`) ?? null,
      text: field(ctx, first, 'goal', requiredText, o.text, '', `${path}.text`) ?? '',
      initiatives:
        field(ctx, first, 'initiatives', initiativeLines, o.initiatives, [], `${path}.initiatives`) ?? [],
      indicators: [],
    };
    ctx.findings.locate(`${path}.indicators`, {
      ref: cellRef(ctx.sheet.name, first.row, ctx.table.columns.name),
      label: ctx.table.names.name,
    });
    for (const row of rows) {
      const match = keyPattern.exec(row.key);
      const indicatorKey = match?.[2] !== undefined ? claim(row.key) : null;
      const meta = indicatorKey !== null ? ctx.meta?.indicators[indicatorKey] : undefined;
      goal.indicators.push(readIndicator(ctx, row, meta, `${path}.indicators[${goal.indicators.length}]`));
    }
    goals.push(goal);
  }
  return goals;
}
