import type { Content, ContentSection, DynamicContent, Margins, TableCell } from 'pdfmake/interfaces';
import { formatFiscalYear } from '../../domain/fiscal-year';
import { type Licence, licenceLine } from '../../domain/licence';
import { formatSheetDate } from '../../domain/sheet-text';
import type { SheetDetail } from '../../schemas/sheet';
import { sheetContent, sheetFooter } from './sheet-content';
import { gridLayout, pageMargins } from './theme';

/** A 部区's booklet of one year: cover, contents, then every sheet on pages of its own. */

export interface BookletInput {
  municipality: string;
  ward: string;
  fiscalYear: number;
  sheets: SheetDetail[];
  /** Date of issue printed on the cover (ISO); today in Japan when absent. */
  issuedOn?: string;
  /** The licence it is published under, printed on the cover and kept in the file's information. */
  licence?: Licence;
}

/** Where the booklet's contents point to: the title of the sheet at `index`. */
function sheetAnchor(index: number): string {
  return `sheet-${index + 1}`;
}

/** Today's date in Japan, 'YYYY-MM-DD'. */
function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(now);
}

function indicatorCount(sheet: SheetDetail): number {
  return sheet.goals.reduce((sum, goal) => sum + goal.indicators.length, 0);
}

function cover(input: BookletInput): ContentSection {
  const goals = input.sheets.reduce((sum, sheet) => sum + sheet.goals.length, 0);
  const indicators = input.sheets.reduce((sum, sheet) => sum + indicatorCount(sheet), 0);
  return {
    section: [
      {
        text: `${formatFiscalYear(input.fiscalYear)} 組織目標管理シート`,
        style: 'coverTitle',
        margin: [0, 150, 0, 28],
      },
      { text: `${input.municipality} ${input.ward}`, style: 'coverWard', margin: [0, 0, 0, 40] },
      {
        text: `掲載組織 ${input.sheets.length}　組織目標 ${goals}　指標 ${indicators}`,
        style: 'coverDate',
        margin: [0, 0, 0, 90],
      },
      { text: `${formatSheetDate(input.issuedOn ?? todayInJapan())} 発行`, style: 'coverDate' },
      { text: `${input.municipality} ${input.ward}`, style: 'coverDate', margin: [0, 4, 0, 0] },
      ...(input.licence
        ? [
            {
              text: licenceLine(input.licence),
              style: 'coverDate',
              fontSize: 9,
              margin: [0, 40, 0, 0] as Margins,
            },
          ]
        : []),
    ],
    footer: null,
  };
}

function contentsHeader(text: string): TableCell {
  return { text, style: 'columnHeader' };
}

function contentsRow(sheet: SheetDetail, index: number): TableCell[] {
  const anchor = sheetAnchor(index);
  return [
    { text: String(index + 1), alignment: 'center' },
    { text: sheet.departmentName, linkToDestination: anchor },
    { text: sheet.organizationName ?? '', linkToDestination: anchor },
    { text: String(sheet.goals.length), alignment: 'right' },
    { text: String(indicatorCount(sheet)), alignment: 'right' },
    { pageReference: anchor, alignment: 'right' },
  ];
}

function contents(input: BookletInput, footer: DynamicContent): ContentSection {
  return {
    section: [
      { text: '目次', style: 'contentsTitle', margin: [0, 10, 0, 14] },
      {
        table: {
          headerRows: 1,
          widths: [30, 200, 200, 50, 50, 50],
          body: [
            [
              contentsHeader('No.'),
              contentsHeader('組織名（部）'),
              contentsHeader('組織名（準部・課・機関名）'),
              contentsHeader('目標数'),
              contentsHeader('指標数'),
              contentsHeader('ページ'),
            ],
            ...input.sheets.map(contentsRow),
          ],
        },
        layout: gridLayout({ headerRows: 1, padding: 5 }),
        style: 'contents',
        margin: [120, 0, 120, 0],
      },
    ],
    footer,
  };
}

function bookletFooter(input: BookletInput): DynamicContent {
  const [left, , right] = pageMargins;
  return (currentPage, pageCount) => ({
    columns: [
      { text: `${input.municipality} ${input.ward}`, width: '*' },
      { text: `${currentPage} / ${pageCount}`, width: 80, alignment: 'center' },
      { text: `${formatFiscalYear(input.fiscalYear)} 組織目標管理シート`, width: '*', alignment: 'right' },
    ],
    style: 'footer',
    margin: [left, 10, right, 0],
  });
}

/**
 * The booklet's content. `onSheetPage(index, page)` learns, during layout, every page each
 * sheet is laid out on.
 */
export function bookletContent(
  input: BookletInput,
  onSheetPage?: (index: number, page: number) => void,
): Content[] {
  return [
    cover(input),
    contents(input, bookletFooter(input)),
    ...input.sheets.map(
      (sheet, index): ContentSection => ({
        section: sheetContent(sheet, sheetAnchor(index)),
        footer: sheetFooter(sheet, (page) => onSheetPage?.(index, page)),
      }),
    ),
  ];
}
