export { blankTemplate, wardYearWorkbook } from './workbook';
