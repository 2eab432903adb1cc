/** Printed sheets: one sheet, or a 部区's booklet of one year, as PDF bytes or a stream. */
export {
  type BookletInput,
  openBookletPdf,
  openSheetPdf,
  renderBookletPdf,
  renderSheetPdf,
} from './render';
