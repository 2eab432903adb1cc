/** The sheet's words as every output writes them: the page says what the PDF and CSV say. */
export {
  correctionText,
  formatSheetDate,
  indicatorLabel,
  sheetCorrections,
} from '../../../exports/sheet-text';
