/** Printed sheets: one sheet, or a 部区's booklet of one year, as PDF bytes. */
export { type BookletInput, renderBookletPdf, renderSheetPdf } from './render';
