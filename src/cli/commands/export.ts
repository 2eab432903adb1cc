import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseFiscalYear } from '../../domain/fiscal-year';
import { AppError } from '../../server/app-error';
import { exportWardYear } from '../../server/features/interchange/export-ward-year';
import { openConfiguredDatabase } from '../open-database';

const usage = '使い方: mokuhyo export --year 2022 --ward 北区 [--municipality 新潟市] [--out ファイル.json]';

/** `mokuhyo export`: a ward year in the interchange format, to a file or standard output. */
export async function exportCommand(args: string[]): Promise<void> {
  let values: { year?: string; ward?: string; municipality?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        ward: { type: 'string' },
        municipality: { type: 'string' },
        out: { type: 'string', short: 'o' },
      },
      strict: true,
    }));
  } catch {
    throw new AppError('invalid', usage);
  }
  const fiscalYear = values.year ? parseFiscalYear(values.year) : null;
  if (fiscalYear === null || !values.ward) {
    throw new AppError('invalid', usage, [
      ...(fiscalYear === null
        ? [{ path: 'year', message: '年度を 2022・令和4年度・R4 のように指定してください' }]
        : []),
      ...(!values.ward ? [{ path: 'ward', message: '部区を指定してください' }] : []),
    ]);
  }
  const database = await openConfiguredDatabase();
  try {
    const file = await exportWardYear(database.db, {
      ward: values.ward,
      municipality: values.municipality,
      fiscalYear,
    });
    const json = `${JSON.stringify(file, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, json);
      console.error(`${values.out} に${file.sheets.length}シートを書き出しました。`);
    } else {
      process.stdout.write(json);
    }
  } finally {
    await database.close();
  }
}
