export { maxWorkbookBytes } from './bytes';
export { readWardYearWorkbook } from './read-workbook';
