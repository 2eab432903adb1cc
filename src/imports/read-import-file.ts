import type { ImportFormat } from '../domain/import-preview';
import type { WardYearFile } from '../schemas/interchange';
import type { FieldIssue } from '../schemas/issues';
import { AppError } from '../server/app-error';
import { readWardYearInput } from '../server/features/interchange/read-ward-year-input';
import { decodeUtf8Text } from './json/decode-text';
import { parseJsonText } from './json/parse-json';

/** What an interchange JSON may weigh (the API refuses larger bodies too). */
const maxJsonBytes = 10 * 1024 * 1024;

export interface ImportFile {
  file: WardYearFile;
  format: ImportFormat;
  warnings: FieldIssue[];
}

/** An Excel workbook starts as a ZIP archive does; so does anything named .xlsx (checked as one). */
function isWorkbook(bytes: Uint8Array, fileName: string | null): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip || (fileName?.toLowerCase().endsWith('.xlsx') ?? false);
}

/**
 * The one reader of files to import, for the page, the API and the command line: an Excel
 * workbook (checked cell by cell) or an interchange JSON in UTF-8 (with or without BOM; other
 * encodings are refused by name). Nothing is written.
 */
export async function readImportFile(bytes: Uint8Array, fileName: string | null = null): Promise<ImportFile> {
  if (isWorkbook(bytes, fileName)) {
    // The workbook reader (exceljs and its ZIP libraries) is loaded when a workbook comes, not
    // with the server: most of what a server start would read for nothing.
    const { readWardYearWorkbook } = await import('./xlsx/read-workbook');
    const file = await readWardYearWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Worksheets made from the blank template carry no state: they start as drafts.
    for (const sheet of file.sheets) sheet.status ??= 'draft';
    return { file, format: 'xlsx', warnings: [] };
  }
  if (bytes.length > maxJsonBytes) {
    const message = `ファイルが大きすぎます（上限 ${maxJsonBytes / 1024 / 1024} MB）。`;
    throw new AppError('too_large', message, [{ path: '', message }]);
  }
  const { file, warnings } = readWardYearInput(parseJsonText(decodeUtf8Text(bytes)));
  return { file, format: 'json', warnings };
}
