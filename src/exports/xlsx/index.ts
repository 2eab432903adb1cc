export { type BlankTemplateOptions, blankTemplate, wardYearWorkbook } from './workbook';
