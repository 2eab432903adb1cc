import { sheetColumnLabels } from '../../domain/fiscal-year';

/**
 * Where everything sits on an organization's worksheet. The writer (wardYearWorkbook) and the
 * reader (src/imports/xlsx) share these, so a workbook reads back the way it was written.
 *
 *   row 1      title 組織目標管理シート
 *   rows 2–4   header block: label cells, each followed by its value cell
 *   row 5      (gap)
 *   rows 6–7   table headers: 指標 spans 項目 … 結果 in row 6; the rest span both rows
 *   rows 8–    one row per indicator; No., 部区, 組織目標, 主な取組 merged over the goal's rows
 *   then       取り組みについて / 取り組みの結果について: a label row and a text row each
 *
 * Column O is hidden: O1 holds the worksheet's key and each table row the key of its goal and
 * indicator, linking them to the hidden `_mokuhyo` worksheet (see metadata.ts).
 */

export const sheetTitleText = '組織目標管理シート';

/** The fields of a table row, in the official column order. */
export const tableFields = [
  'no',
  'parentNo',
  'goal',
  'initiatives',
  'name',
  'unit',
  'actual0',
  'actual1',
  'actual2',
  'target',
  'result',
  'note',
  'achievement',
  'evaluation',
] as const;
export type TableField = (typeof tableFields)[number];

/** Goal-level fields: merged over the goal's indicator rows. */
export const goalFields = ['no', 'parentNo', 'goal', 'initiatives'] as const satisfies readonly TableField[];

/** 1-based column of each field as written. The reader finds columns by their labels instead. */
export const fieldColumn = Object.fromEntries(tableFields.map((field, i) => [field, i + 1])) as Record<
  TableField,
  number
>;
export const lastColumn = tableFields.length;
/** The hidden key column (O). */
export const keyColumn = lastColumn + 1;
export const keyColumnLabel = '管理番号';

/** Column widths in Excel's character units. */
export const columnWidths: Record<TableField, number> = {
  no: 4.5,
  parentNo: 4.5,
  goal: 22,
  initiatives: 24,
  name: 18,
  unit: 6,
  actual0: 9.5,
  actual1: 9.5,
  actual2: 9.5,
  target: 11,
  result: 11,
  note: 26,
  achievement: 34,
  evaluation: 8,
};

export const titleRow = 1;
export const tableHeaderRow = 6;
export const firstDataRow = tableHeaderRow + 2;

/** The indicator group label over 項目 … 結果 in the first header row. */
export const indicatorGroupLabel = '指標';

export type ColumnLabel = { field: TableField; top: string; bottom: string | null };

/**
 * Labels of the table columns for a fiscal year. `top` is in the first header row; `bottom`
 * (under 指標) in the second, or null where the top label spans both rows.
 */
export function columnLabels(fiscalYear: number): ColumnLabel[] {
  const labels = sheetColumnLabels(fiscalYear);
  const [a0, a1, a2] = labels.actuals.map((actual) => actual.label);
  const sub = (field: TableField, bottom: string): ColumnLabel => ({
    field,
    top: indicatorGroupLabel,
    bottom,
  });
  return [
    { field: 'no', top: 'No.', bottom: null },
    { field: 'parentNo', top: '部区', bottom: null },
    { field: 'goal', top: '組織目標', bottom: null },
    { field: 'initiatives', top: '主な取組（事業）', bottom: null },
    sub('name', '項目'),
    sub('unit', '単位'),
    sub('actual0', a0 ?? '実績'),
    sub('actual1', a1 ?? '実績'),
    sub('actual2', a2 ?? '実績'),
    sub('target', labels.target),
    sub('result', labels.result),
    { field: 'note', top: '補足・参考指標', bottom: null },
    { field: 'achievement', top: '目標達成状況', bottom: null },
    { field: 'evaluation', top: '評価', bottom: null },
  ];
}

/** How a column is named in messages: 「指標 項目」, 「R4結果」. */
export function columnName(label: ColumnLabel): string {
  if (label.bottom === null) return label.top;
  return label.field === 'name' || label.field === 'unit' ? `${label.top} ${label.bottom}` : label.bottom;
}

/** Header block fields: label text, and where label and value sit (row, first and last column). */
export const headerFields = [
  'fiscalYear',
  'ward',
  'department',
  'createdOn',
  'organization',
  'phone',
  'revisedOn',
  'purpose',
  'evaluatedOn',
] as const;
export type HeaderField = (typeof headerFields)[number];

type Span = [number, number];
export type HeaderPlace = { label: string; row: number; labelSpan: Span; valueSpan: Span };

export const headerPlaces: Record<HeaderField, HeaderPlace> = {
  fiscalYear: { label: '年度', row: 2, labelSpan: [1, 3], valueSpan: [4, 4] },
  ward: { label: '部区', row: 2, labelSpan: [5, 5], valueSpan: [6, 7] },
  department: { label: '組織名（部）', row: 2, labelSpan: [8, 9], valueSpan: [10, 11] },
  createdOn: { label: '作成日', row: 2, labelSpan: [12, 12], valueSpan: [13, 14] },
  organization: { label: '組織名（準部・課・機関名）', row: 3, labelSpan: [1, 3], valueSpan: [4, 7] },
  phone: { label: '問合せ先（電話番号）', row: 3, labelSpan: [8, 9], valueSpan: [10, 11] },
  revisedOn: { label: '修正日', row: 3, labelSpan: [12, 12], valueSpan: [13, 14] },
  purpose: { label: '組織の目的', row: 4, labelSpan: [1, 3], valueSpan: [4, 11] },
  evaluatedOn: { label: '評価日', row: 4, labelSpan: [12, 12], valueSpan: [13, 14] },
};

export const footerFields = ['approach', 'outcome'] as const;
export type FooterField = (typeof footerFields)[number];

/** The footer labels as printed; the reader recognises them by the words before the bracket. */
export const footerLabels: Record<FooterField, { label: string; key: string }> = {
  approach: {
    label: '取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）',
    key: '取り組みについて',
  },
  outcome: {
    label: '取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）',
    key: '取り組みの結果について',
  },
};

/** Lines of 主な取組 start with this bullet; the reader removes one. */
export const initiativeBullet = '・';

/** Words people write instead of a label, compared without spaces and with NFKC. */
export function labelKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}
