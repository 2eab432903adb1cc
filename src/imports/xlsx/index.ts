export { readWardYearWorkbook } from './read-workbook';
