import type { Size } from 'pdfmake/interfaces';
import { cellPadding, pageMargins, ruleWidth } from './theme';

/** Widths (pt) of the goal table's columns; 目標達成状況 takes what is left. */
export const columnWidths = {
  no: 16,
  parent: 16,
  goal: 78,
  initiatives: 80,
  indicator: 64,
  actual: 38,
  target: 48,
  result: 48,
  note: 96,
  evaluation: 40,
} as const;

export const columnCount = 13;

const pageWidth = 841.89;
/** Width between the page margins. */
export const contentWidth = pageWidth - pageMargins[0] - pageMargins[2];
const fixedWidth =
  Object.values(columnWidths).reduce((sum, width) => sum + width, 0) + 2 * columnWidths.actual;

/** 目標達成状況's width as pdfmake computes it for '*', rounded down a little. */
export const achievementWidth =
  Math.floor(contentWidth - fixedWidth - columnCount * 2 * cellPadding - (columnCount + 1) * ruleWidth) - 2;

/** The widths in the official column order, for pdfmake. */
export const tableWidths: Size[] = [
  columnWidths.no,
  columnWidths.parent,
  columnWidths.goal,
  columnWidths.initiatives,
  columnWidths.indicator,
  columnWidths.actual,
  columnWidths.actual,
  columnWidths.actual,
  columnWidths.target,
  columnWidths.result,
  columnWidths.note,
  '*',
  columnWidths.evaluation,
];
