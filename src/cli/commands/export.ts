import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatFiscalYear, parseFiscalYear } from '../../domain/fiscal-year';
import { wardYearCsv } from '../../exports/csv';
import { renderBookletPdf } from '../../exports/pdf';
import { wardYearWorkbook } from '../../exports/xlsx';
import { AppError } from '../../server/app-error';
import { loadBooklet } from '../../server/features/downloads/booklet';
import { exportWardYear } from '../../server/features/interchange/export-ward-year';
import { loadWardYear } from '../../server/features/sheets/load-ward-year';
import { argsRefused } from '../args-refused';
import { openConfiguredDatabase } from '../open-database';
import { progressBar } from '../progress';

const formats = ['json', 'csv', 'pdf', 'xlsx'] as const;
type Format = (typeof formats)[number];

const usage = `使い方: mokuhyo export --year 2022 --ward 北区 [--format json|csv|pdf|xlsx] [--municipality 新潟市] [--out ファイル]
  json: 交換形式（すべてのシート。取り込みに使えます）
  csv : オープンデータ（公開済みのシート。--all ですべて）
  pdf : 冊子（公開済みのシートのみ。表紙・目次付き）
  xlsx: Excel ブック（すべてのシート。編集して取り込めます）`;

/** `mokuhyo export`: a ward year as interchange JSON, open-data CSV or the booklet PDF. */
export async function exportCommand(args: string[]): Promise<void> {
  let values: {
    year?: string;
    ward?: string;
    municipality?: string;
    out?: string;
    format?: string;
    all?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: 'string' },
        ward: { type: 'string' },
        municipality: { type: 'string' },
        out: { type: 'string', short: 'o' },
        format: { type: 'string', default: 'json' },
        all: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw argsRefused(error, usage);
  }
  const fiscalYear = values.year ? parseFiscalYear(values.year) : null;
  const format = values.format as Format;
  const issues = [
    ...(fiscalYear === null
      ? [{ path: 'year', message: '年度を 2022・令和4年度・R4 のように指定してください' }]
      : []),
    ...(!values.ward ? [{ path: 'ward', message: '部区を指定してください' }] : []),
    ...(!formats.includes(format)
      ? [{ path: 'format', message: '形式は json・csv・pdf・xlsx のいずれかを指定してください' }]
      : []),
    ...((format === 'pdf' || format === 'xlsx') && !values.out
      ? [{ path: 'out', message: 'PDF と Excel は --out でファイル名を指定してください' }]
      : []),
  ];
  if (fiscalYear === null || !values.ward || issues.length > 0) throw new AppError('invalid', usage, issues);
  const target = { ward: values.ward, municipality: values.municipality, fiscalYear };

  const database = await openConfiguredDatabase();
  try {
    const bar = progressBar(`${formatFiscalYear(fiscalYear)} ${values.ward} を書き出し中`);
    let bytes: string | Buffer;
    let count: number;
    if (format === 'json' || format === 'xlsx') {
      const file = await exportWardYear(database.db, target);
      bytes = format === 'json' ? `${JSON.stringify(file, null, 2)}\n` : await wardYearWorkbook(file);
      count = file.sheets.length;
    } else if (format === 'pdf') {
      // The booklet is the publication: its published sheets, as the download and the job bind it.
      const { input } = await loadBooklet(database.db, { ...target, actor: null });
      bytes = await renderBookletPdf(input, bar.update);
      count = input.sheets.length;
    } else {
      const year = await loadWardYear(database.db, { ...target, actor: values.all ? undefined : null });
      bytes = wardYearCsv({
        municipality: year.ward.municipalityName,
        ward: year.ward.name,
        fiscalYear,
        sheets: year.sheets,
      });
      count = year.sheets.length;
    }
    bar.update(count, count);
    bar.done();
    if (values.out) {
      await writeFile(values.out, bytes);
      console.error(`${values.out} に${count}シートを書き出しました。`);
    } else {
      process.stdout.write(bytes);
    }
  } finally {
    await database.close();
  }
}
