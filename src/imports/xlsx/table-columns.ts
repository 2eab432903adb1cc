import type ExcelJS from 'exceljs';
import {
  columnLabels,
  columnName,
  fieldColumn,
  keyColumnLabel,
  labelKey,
  type TableField,
} from '../../exports/xlsx/layout';
import { cellRef, type Findings, masterOf, readText } from './cells';

/**
 * The goal table's header: the row with 「No.」 and, under 「指標」, the row of 項目 … 結果.
 * Columns are found by their labels, so a column moved or inserted by a person still reads.
 */

const maxHeaderSearchRow = 40;
const maxColumn = 60;

/** The row of the table header (the one with 「No.」), or null. */
export function findTableHeaderRow(sheet: ExcelJS.Worksheet): number | null {
  const last = Math.min(sheet.rowCount, maxHeaderSearchRow);
  for (let row = 1; row <= last; row++) {
    for (let column = 1; column <= 5; column++) {
      const key = labelKey(readText(sheet, row, column) ?? '').toLowerCase();
      if (key === 'no.' || key === 'no') return row;
    }
  }
  return null;
}

export type TableColumns = {
  columns: Record<TableField, number>;
  /** The hidden key column, when present. */
  keyColumn: number | null;
  /** The first row of data. */
  firstRow: number;
  /** Labels as the messages name them. */
  names: Record<TableField, string>;
};

/** The columns of the table for the sheet's fiscal year; a missing column is an issue. */
export function readTableColumns(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  fiscalYear: number,
  findings: Findings,
): TableColumns | null {
  const labels = columnLabels(fiscalYear);
  const wanted = new Map<string, TableField>();
  for (const label of labels) {
    wanted.set(labelKey(columnName(label)), label.field);
    if (label.bottom !== null) {
      wanted.set(labelKey(label.bottom), label.field);
      wanted.set(labelKey(`${label.top}${label.bottom}`), label.field);
    }
  }
  const found = new Map<TableField, number>();
  let keys: number | null = null;
  let usesSecondRow = false;
  for (let column = 1; column <= maxColumn; column++) {
    const top = readText(sheet, headerRow, column) ?? '';
    const spansBoth = masterOf(sheet, headerRow + 1, column).row === headerRow;
    const bottom = spansBoth ? '' : (readText(sheet, headerRow + 1, column) ?? '');
    const candidates = bottom === '' ? [top] : [bottom, `${top}${bottom}`, top];
    for (const candidate of candidates) {
      const key = labelKey(candidate);
      if (key === labelKey(keyColumnLabel)) keys ??= column;
      const field = wanted.get(key);
      if (field && !found.has(field)) {
        found.set(field, column);
        if (candidate !== top) usesSecondRow = true;
        break;
      }
    }
  }
  let complete = true;
  for (const label of labels) {
    if (found.has(label.field)) continue;
    complete = false;
    findings.add(
      cellRef(sheet.name, label.bottom === null ? headerRow : headerRow + 1, fieldColumn[label.field]),
      `必須の列『${columnName(label)}』が見つかりません`,
    );
  }
  if (!complete) return null;
  const columns = Object.fromEntries(found) as Record<TableField, number>;
  const names = Object.fromEntries(labels.map((label) => [label.field, columnName(label)])) as Record<
    TableField,
    string
  >;
  return { columns, keyColumn: keys, firstRow: headerRow + (usesSecondRow ? 2 : 1), names };
}
