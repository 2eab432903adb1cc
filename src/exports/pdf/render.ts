import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatFiscalYear } from '../../domain/fiscal-year';
import { type Licence, licenceLine } from '../../domain/licence';
import type { SheetDetail } from '../../schemas/sheet';
import { type BookletInput, bookletContent } from './booklet';
import { openDocument, pdfBytes } from './pdfmake';
import { organizationLine, sheetContent, sheetFooter } from './sheet-content';
import { defaultStyle, pageMargins, styles } from './theme';

export type { BookletInput };

/** Page setup shared by every document: A4 landscape in BIZ UDPGothic. */
function baseDocument(
  title: string,
  author: string,
  licence?: Licence,
): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins,
    defaultStyle,
    styles,
    language: 'ja-JP',
    info: {
      title,
      author,
      subject: '組織目標管理シート',
      creator: 'mokuhyo',
      ...(licence ? { keywords: licenceLine(licence) } : {}),
    },
  };
}

/** One sheet in the official layout, as published: A4 landscape PDF bytes. */
export async function renderSheetPdf(sheet: SheetDetail, licence?: Licence): Promise<Buffer> {
  return pdfBytes(await openSheetPdf(sheet, licence));
}

/** One sheet laid out and drawn, as a PDF stream not yet ended (see `openDocument`). */
export function openSheetPdf(sheet: SheetDetail, licence?: Licence): Promise<PDFKit.PDFDocument> {
  const title = `${formatFiscalYear(sheet.fiscalYear)} 組織目標管理シート ${organizationLine(sheet)}`;
  return openDocument({
    ...baseDocument(title, `${sheet.municipality} ${sheet.ward.name}`, licence),
    footer: sheetFooter(sheet),
    content: sheetContent(sheet),
  });
}

/**
 * A 部区's booklet of one year, as published: cover, contents with each organization's first
 * page, then every sheet starting on a new page. `onProgress(done, total)` counts the sheets
 * drawn; it is called synchronously while the PDF is drawn (the event loop waits meanwhile).
 */
export async function renderBookletPdf(
  input: BookletInput,
  onProgress?: (done: number, total: number) => void,
): Promise<Buffer> {
  return pdfBytes(await openBookletPdf(input, onProgress));
}

/** The booklet laid out and drawn, as a PDF stream not yet ended (see `renderBookletPdf`). */
export async function openBookletPdf(
  input: BookletInput,
  onProgress?: (done: number, total: number) => void,
): Promise<PDFKit.PDFDocument> {
  const total = input.sheets.length;
  // Footers are laid out before anything is drawn, so this is complete when drawing starts.
  const lastPageOfSheet: number[] = [];
  const content = bookletContent(input, (index, page) => {
    lastPageOfSheet[index] = Math.max(lastPageOfSheet[index] ?? 0, page);
  });
  let reported = -1;
  const report = (done: number) => {
    if (done <= reported) return;
    reported = done;
    onProgress?.(done, total);
  };
  report(0);
  let pageCount: number | undefined;
  const onRenderProgress = (share: number) => {
    pageCount ??= Math.max(0, ...lastPageOfSheet);
    const drawnPages = Math.floor(share * pageCount);
    report(lastPageOfSheet.filter((page) => page <= drawnPages).length);
  };
  const title = `${formatFiscalYear(input.fiscalYear)} 組織目標管理シート ${input.municipality} ${input.ward}`;
  const pdf = await openDocument(
    { ...baseDocument(title, `${input.municipality} ${input.ward}`, input.licence), content },
    onProgress && onRenderProgress,
  );
  report(total);
  return pdf;
}
