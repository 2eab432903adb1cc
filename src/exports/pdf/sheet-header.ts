import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatFiscalYear } from '../../domain/fiscal-year';
import { asWritten, formatSheetDate } from '../../domain/sheet-text';
import type { SheetDetail } from '../../schemas/sheet';
import { blockGap, gridLayout, headerFill } from './theme';

/** The title and the header block: year, 部区, organization, dates, contact and purpose. */

function label(text: string): TableCell {
  return { text, style: 'label', fillColor: headerFill, noWrap: true };
}

function value(text: string | null, colSpan = 1): TableCell {
  return { text: asWritten(text), colSpan };
}

/** Cells a colSpan covers still have to be listed; pdfmake ignores them. */
const covered: TableCell = '';

/**
 * The sheet's title. `anchor` names it for the booklet's table of contents and bookmarks.
 */
export function sheetTitle(sheet: SheetDetail, anchor?: string): Content {
  if (!anchor) return { text: '組織目標管理シート', style: 'title', margin: [0, 0, 0, 6] };
  return {
    text: '組織目標管理シート',
    style: 'title',
    margin: [0, 0, 0, 6],
    id: anchor,
    outline: true,
    outlineText: sheet.title,
  };
}

export function sheetHeader(sheet: SheetDetail): Content {
  return {
    table: {
      widths: [112, 96, 34, 150, 88, '*', 34, 78],
      body: [
        [
          label('年度'),
          value(formatFiscalYear(sheet.fiscalYear)),
          label('部区'),
          value(sheet.ward.name),
          label('組織名（部）'),
          value(sheet.departmentName),
          label('作成日'),
          value(formatSheetDate(sheet.createdOn)),
        ],
        [
          label('組織名（準部・課・機関名）'),
          value(sheet.organizationName, 3),
          covered,
          covered,
          label('問合せ先（電話番号）'),
          value(sheet.phone),
          label('修正日'),
          value(formatSheetDate(sheet.revisedOn)),
        ],
        [
          label('組織の目的'),
          value(sheet.purpose, 5),
          covered,
          covered,
          covered,
          covered,
          label('評価日'),
          value(formatSheetDate(sheet.evaluatedOn)),
        ],
      ],
    },
    layout: gridLayout({ headerRows: 0 }),
    margin: blockGap,
  };
}
