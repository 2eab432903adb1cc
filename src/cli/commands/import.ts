import { readFile } from 'node:fs/promises';
import { readWardYearWorkbook } from '../../imports/xlsx';
import { AppError } from '../../server/app-error';
import { importWardYear } from '../../server/features/interchange/import-ward-year';
import { openConfiguredDatabase } from '../open-database';
import { progressBar } from '../progress';

/** `mokuhyo import FILE`: load a ward year's interchange JSON or Excel workbook, all or nothing. */
export async function importCommand(args: string[]): Promise<void> {
  const [path] = args;
  if (!path || args.length > 1)
    throw new AppError('invalid', '使い方: mokuhyo import ファイル.json または ファイル.xlsx');
  let input: unknown;
  try {
    const bytes = await readFile(path);
    // A workbook is read (and checked cell by cell) into the interchange format first.
    input = path.toLowerCase().endsWith('.xlsx')
      ? await readWardYearWorkbook(bytes)
      : JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'ファイルが見つかりません'
        : 'JSON として読めません';
    throw new AppError('invalid', `${path}: ${reason}。`);
  }
  const database = await openConfiguredDatabase();
  try {
    const bar = progressBar('取り込み中');
    const summary = await importWardYear(database.db, input, { onProgress: bar.update });
    bar.done();
    console.log(
      `${summary.municipality}${summary.ward} ${summary.fiscalYear}年度: ` +
        `${summary.sheets}シート（新規${summary.createdSheets}・更新${summary.updatedSheets}）、` +
        `組織目標${summary.goals}件、指標${summary.indicators}件を取り込みました。`,
    );
  } finally {
    await database.close();
  }
}
