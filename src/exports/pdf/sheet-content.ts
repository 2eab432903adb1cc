import type { Content, DynamicContent } from 'pdfmake/interfaces';
import { formatFiscalYear } from '../../domain/fiscal-year';
import { asWritten, correctionText, sheetCorrections } from '../../domain/sheet-text';
import type { SheetDetail } from '../../schemas/sheet';
import { narrativesFitOnePage } from './fit';
import { sheetHeader, sheetTitle } from './sheet-header';
import { sheetTable } from './sheet-table';
import { gridLayout, narrativePadding, pageMargins } from './theme';

/** One sheet as pdfmake content: title, header block, goal table and the two narratives. */

const narrativeHeadings = {
  approach: '取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）',
  outcome: '取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）',
} as const;

/** The narratives, kept on one page when they fit on one (see fit.ts). */
function narratives(sheet: SheetDetail): Content {
  return { stack: [narrativeTable(sheet)], unbreakable: narrativesFitOnePage(sheet) };
}

function narrativeTable(sheet: SheetDetail): Content {
  return {
    table: {
      headerRows: 1,
      widths: ['*', '*'],
      body: [
        [
          { text: narrativeHeadings.approach, style: 'narrativeHeading' },
          { text: narrativeHeadings.outcome, style: 'narrativeHeading' },
        ],
        [
          { text: asWritten(sheet.approach), style: 'narrative' },
          { text: asWritten(sheet.outcome), style: 'narrative' },
        ],
      ],
    },
    layout: gridLayout({ headerRows: 1, padding: narrativePadding }),
  };
}

/** The organization as the footer names it: 「北区 地域総務課 北区郷土博物館」. */
export function organizationLine(sheet: SheetDetail): string {
  return [sheet.ward.name, sheet.departmentName, sheet.organizationName]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}

/**
 * Footer of a sheet's pages: the organization on the left, 「1 / 3」 in the middle and the
 * document on the right. `onPage` learns which page the footer is laid out on.
 */
export function sheetFooter(sheet: SheetDetail, onPage?: (page: number) => void): DynamicContent {
  const [left, , right] = pageMargins;
  const documentName = `${formatFiscalYear(sheet.fiscalYear)} 組織目標管理シート`;
  return (currentPage, pageCount) => {
    onPage?.(currentPage);
    return {
      columns: [
        { text: organizationLine(sheet), width: '*' },
        { text: `${currentPage} / ${pageCount}`, width: 80, alignment: 'center' },
        { text: documentName, width: '*', alignment: 'right' },
      ],
      style: 'footer',
      margin: [left, 10, right, 0],
    };
  };
}

/** 正誤: the approved corrections of results shown on the sheet, each dated, after the narratives. */
function corrections(sheet: SheetDetail): Content[] {
  const notes = sheetCorrections(sheet);
  if (notes.length === 0) return [];
  return [
    {
      table: {
        headerRows: 1,
        widths: ['*'],
        body: [
          [{ text: '正誤（過年度実績の訂正）', style: 'narrativeHeading' }],
          ...notes.map(({ indicator, note }) => [
            { text: correctionText(indicator, note), style: 'narrative' },
          ]),
        ],
      },
      layout: gridLayout({ headerRows: 1, padding: narrativePadding }),
      margin: [0, 6, 0, 0],
    },
  ];
}

/** Everything on a sheet's pages. `anchor` marks the title for the booklet's contents. */
export function sheetContent(sheet: SheetDetail, anchor?: string): Content[] {
  return [
    sheetTitle(sheet, anchor),
    sheetHeader(sheet),
    sheetTable(sheet),
    narratives(sheet),
    ...corrections(sheet),
  ];
}
