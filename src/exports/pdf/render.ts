import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatFiscalYear } from '../../domain/fiscal-year';
import type { SheetDetail } from '../../schemas/sheet';
import { renderDocument } from './pdfmake';
import { organizationLine, sheetContent, sheetFooter } from './sheet-content';
import { defaultStyle, pageMargins, styles } from './theme';

/** Page setup shared by every document: A4 landscape in BIZ UDPGothic. */
export function baseDocument(title: string, author: string): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins,
    defaultStyle,
    styles,
    language: 'ja-JP',
    info: { title, author, subject: '組織目標管理シート', creator: 'mokuhyo' },
  };
}

/** One sheet in the official layout, as published: A4 landscape PDF bytes. */
export async function renderSheetPdf(sheet: SheetDetail): Promise<Buffer> {
  const title = `${formatFiscalYear(sheet.fiscalYear)} 組織目標管理シート ${organizationLine(sheet)}`;
  return renderDocument({
    ...baseDocument(title, `${sheet.municipality} ${sheet.ward.name}`),
    footer: sheetFooter(sheet),
    content: sheetContent(sheet),
  });
}
