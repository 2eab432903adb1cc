import type { Content, TableCell } from 'pdfmake/interfaces';
import { sheetColumnLabels } from '../../domain/fiscal-year';
import { asWritten, indicatorLabel, revisionText } from '../../domain/sheet-text';
import type { SheetDetail, SheetGoal, SheetIndicator, ValueCell } from '../../schemas/sheet';
import { columnCount, tableWidths } from './columns';
import { rowsTooTall } from './fit';
import { blockGap, gridLayout } from './theme';

/**
 * The goal/indicator table in the official column order. One row per indicator; No., 部区,
 * 組織目標 and 主な取組 span the goal's indicators. The two header rows repeat on every page
 * and no row is cut across a page break, except one too tall for any page (see fit.ts),
 * which starts on a new page and continues on the next.
 */

/** Columns an indicator fills after the goal's four: 項目, 3 実績, 目標, 結果, 補足, 状況, 評価. */
const indicatorColumnCount = 9;

/** A cell a rowSpan or colSpan covers: pdfmake wants it listed and ignores it. */
const covered: TableCell = '';

function header(text: string, span: { rowSpan?: number; colSpan?: number } = {}): TableCell {
  return { text, style: 'columnHeader', verticalAlignment: 'middle', ...span };
}

function headerRows(sheet: SheetDetail): TableCell[][] {
  const labels = sheetColumnLabels(sheet.fiscalYear);
  const spanned = { rowSpan: 2 };
  return [
    [
      header('No.', spanned),
      header('部区', spanned),
      header('組織目標', spanned),
      header('主な取組（事業）', spanned),
      header('指標', { colSpan: 6 }),
      covered,
      covered,
      covered,
      covered,
      covered,
      header('補足・参考指標', spanned),
      header('目標達成状況', spanned),
      header('評価', spanned),
    ],
    [
      covered,
      covered,
      covered,
      covered,
      header('項目（単位）'),
      ...labels.actuals.map((actual) => header(actual.label)),
      header(labels.target),
      header(labels.result),
      covered,
      covered,
      covered,
    ],
  ];
}

/** Short numbers line up on the right like in the spreadsheet; sentences read from the left. */
function alignmentOf(cell: Pick<ValueCell, 'text' | 'value'>): 'right' | 'left' {
  const text = cell.text ?? '';
  return cell.value !== null && text.length <= 10 && !text.includes('\n') ? 'right' : 'left';
}

function valueCell(cell: Pick<ValueCell, 'text' | 'value'> | undefined): TableCell {
  if (!cell) return { text: '' };
  return { text: asWritten(cell.text), alignment: alignmentOf(cell) };
}

/** The target with every mid-year revision under it. */
function targetCell(indicator: SheetIndicator): TableCell {
  if (indicator.revisions.length === 0) return valueCell(indicator.target);
  return {
    stack: [
      { text: asWritten(indicator.target.text), alignment: alignmentOf(indicator.target) },
      ...indicator.revisions.map(
        (revision): Content => ({ text: revisionText(revision), style: 'revision', margin: [0, 2, 0, 0] }),
      ),
    ],
  };
}

function initiativesCell(initiatives: string[], rowSpan: number): TableCell {
  return {
    stack: initiatives.map(
      (initiative): Content => ({
        columns: [
          { text: '・', width: 7 },
          { text: asWritten(initiative), width: '*' },
        ],
        columnGap: 0,
      }),
    ),
    rowSpan,
  };
}

function goalCells(goal: SheetGoal, rowSpan: number): TableCell[] {
  return [
    { text: String(goal.no), alignment: 'center', rowSpan },
    { text: goal.parentNo === null ? '' : String(goal.parentNo), alignment: 'center', rowSpan },
    { text: asWritten(goal.text), rowSpan },
    initiativesCell(goal.initiatives, rowSpan),
  ];
}

function indicatorCells(indicator: SheetIndicator, actualYears: number[]): TableCell[] {
  return [
    { text: indicatorLabel(asWritten(indicator.name), indicator.unit) },
    ...actualYears.map((year) => valueCell(indicator.actuals.find((cell) => cell.fiscalYear === year))),
    targetCell(indicator),
    valueCell(indicator.result),
    { text: asWritten(indicator.note) },
    { text: asWritten(indicator.achievement) },
    evaluationCell(indicator),
  ];
}

/**
 * 評価, and under it what the municipality publishes with it: the rule's suggestion when the
 * judgement differs from it, and the reason given (absent from a sheet whose aids are internal,
 * see the server's `publicDetail`), as the page shows them.
 */
function evaluationCell(indicator: SheetIndicator): TableCell {
  const evaluation = { text: indicator.evaluation ?? '', style: 'evaluation' };
  const aids = [
    indicator.suggestion && indicator.suggestion.evaluation !== indicator.evaluation
      ? `基準による目安：${indicator.suggestion.evaluation}（${indicator.suggestion.basis}）`
      : null,
    indicator.evaluationReason ? `理由：${asWritten(indicator.evaluationReason)}` : null,
  ].filter((text): text is string => text !== null);
  if (aids.length === 0) return evaluation;
  return { stack: [evaluation, ...aids.map((text) => ({ text, style: 'revision' }))] };
}

/**
 * Lets a row too tall for one page break across pages: pdfmake breaks a `dontBreakRows` row
 * whose cells carry a pageBreak, and moves each such cell to a new page, so all do.
 */
function breakBefore(row: TableCell[], tooTall: boolean | undefined): TableCell[] {
  if (!tooTall) return row;
  for (const cell of row) {
    // The rows were built just now for this table: setting the property in place is safe.
    if (typeof cell === 'object' && cell !== null && !Array.isArray(cell))
      Object.assign(cell, { pageBreak: 'before' });
  }
  return row;
}

function goalRows(goal: SheetGoal, actualYears: number[]): TableCell[][] {
  const [first, ...rest] = goal.indicators;
  const rowSpan = Math.max(1, goal.indicators.length);
  const tooTall = rowsTooTall(goal);
  const firstCells = first
    ? indicatorCells(first, actualYears)
    : [
        { text: '指標は設定されていません', colSpan: indicatorColumnCount, color: '#555555' },
        ...Array.from({ length: indicatorColumnCount - 1 }, () => covered),
      ];
  return [
    [...goalCells(goal, rowSpan), ...firstCells],
    ...rest.map((indicator) => [
      covered,
      covered,
      covered,
      covered,
      ...indicatorCells(indicator, actualYears),
    ]),
  ].map((row, index) => breakBefore(row, tooTall[index]));
}

function emptyRow(): TableCell[] {
  return [
    { text: '組織目標はまだ登録されていません', colSpan: columnCount, color: '#555555' },
    ...Array.from({ length: columnCount - 1 }, () => covered),
  ];
}

export function sheetTable(sheet: SheetDetail): Content {
  const actualYears = sheetColumnLabels(sheet.fiscalYear).actuals.map((actual) => actual.year);
  const body =
    sheet.goals.length === 0 ? [emptyRow()] : sheet.goals.flatMap((goal) => goalRows(goal, actualYears));
  const firstRowBreaks = body[0]?.some(
    (cell) => typeof cell === 'object' && !Array.isArray(cell) && 'pageBreak' in cell,
  );
  return {
    table: {
      headerRows: 2,
      // The first row stays with the headers unless it is too tall to stay anywhere.
      keepWithHeaderRows: firstRowBreaks ? 0 : 1,
      dontBreakRows: true,
      widths: tableWidths,
      body: [...headerRows(sheet), ...body],
    },
    layout: gridLayout({ headerRows: 2 }),
    margin: blockGap,
  };
}
