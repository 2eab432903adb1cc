export { maxWorkbookBytes } from './bytes';
export { type ReadWorkbookOptions, readWardYearWorkbook } from './read-workbook';
