/**
 * Publishing bench: server-side PDF (pdfmake) of one sheet and of the ward booklet against
 * Chromium's page.pdf() of the same sheet page, in the same run; and, when the Excel exporter is
 * present, the ward workbook's export and import. Run with `npm run bench` (after the API bench)
 * or alone: `node --import tsx bench/publishing.ts`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { launchChromium } from '../e2e/chromium';
import { loadSampleIfEmpty } from '../src/db/seed/load-sample';
import { createTestDatabase } from '../src/db/testing';
import { renderBookletPdf, renderSheetPdf } from '../src/exports/pdf';
import { createApp, defaultWebRoot } from '../src/server/app';
import { importWardYear } from '../src/server/features/interchange/import-ward-year';
import { loadWardYear } from '../src/server/features/sheets/load-ward-year';
import { root } from './lib/mokuhyo';
import { fmt, median, table } from './lib/report';

const runs = 10;

async function timeIt<T>(n: number, work: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    last = await work();
    ms.push(performance.now() - start);
  }
  return { ms, last: last as T };
}

async function main() {
  if (!existsSync(join(defaultWebRoot, 'index.html'))) throw new Error('run `npm run build` first');
  const database = await createTestDatabase();
  await loadSampleIfEmpty(database.db);
  const year = await loadWardYear(database.db, { actor: null, ward: '北区', fiscalYear: 2022 });
  const somu = year.sheets[0];
  if (!somu) throw new Error('no sheet');
  const booklet = {
    municipality: year.ward.municipalityName,
    ward: year.ward.name,
    fiscalYear: 2022,
    sheets: year.sheets,
  };

  await renderSheetPdf(somu); // warm: fonts and pdfmake loaded once per process
  const sheetPdf = await timeIt(runs, () => renderSheetPdf(somu));
  const bookletPdf = await timeIt(3, () => renderBookletPdf(booklet));

  const { app, dispose } = await createApp({ database });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const launchStart = performance.now();
  const browser = await launchChromium();
  const launchMs = performance.now() - launchStart;
  const page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${base}/sheets/${somu.id}`);
  await page.getByRole('table').first().waitFor();
  await page.pdf({ format: 'A4', landscape: true, printBackground: true }); // warm
  const chromiumPdf = await timeIt(runs, () =>
    page.pdf({ format: 'A4', landscape: true, printBackground: true }),
  );
  await browser.close();
  server.close();
  await dispose();

  const rows: string[][] = [
    [
      'pdfmake: one sheet (地域総務課)',
      fmt(median(sheetPdf.ms), 1),
      fmt(Math.min(...sheetPdf.ms), 1),
      fmt(sheetPdf.last.length / 1024),
    ],
    [
      'pdfmake: ward booklet (8 sheets)',
      fmt(median(bookletPdf.ms), 1),
      fmt(Math.min(...bookletPdf.ms), 1),
      fmt(bookletPdf.last.length / 1024),
    ],
    [
      'Chromium page.pdf(): same sheet page',
      fmt(median(chromiumPdf.ms), 1),
      fmt(Math.min(...chromiumPdf.ms), 1),
      fmt(chromiumPdf.last.length / 1024),
    ],
  ];
  const ratio = median(chromiumPdf.ms) / median(sheetPdf.ms);
  console.log('\n===== publishing bench =====');
  console.log(table(['what', 'median ms', 'min ms', 'KiB'], rows, [0]));
  console.log(
    `Chromium page.pdf() / pdfmake for one sheet: ${fmt(ratio, 2)} (>1: pdfmake is faster); Chromium launch ${fmt(launchMs)} ms not included`,
  );

  const figures: Record<string, number> = {
    sheetPdfMs: median(sheetPdf.ms),
    bookletPdfMs: median(bookletPdf.ms),
    chromiumPdfMs: median(chromiumPdf.ms),
    chromiumOverPdfmake: ratio,
  };
  const xlsx = await excelFigures(booklet.sheets.length, database.db);
  if (xlsx) Object.assign(figures, xlsx);
  await database.close();
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'publishing.json'), `${JSON.stringify(figures, null, 2)}\n`);
}

/** The ward workbook's export and import, when the Excel modules exist. */
async function excelFigures(sheets: number, db: Awaited<ReturnType<typeof createTestDatabase>>['db']) {
  const exporter = join(root, 'src/exports/xlsx/index.ts');
  const importer = join(root, 'src/imports/xlsx/index.ts');
  if (!existsSync(exporter) || !existsSync(importer)) {
    console.log('Excel: exporter/importer not present, skipped');
    return null;
  }
  const { wardYearWorkbook } = await import(exporter);
  const { readWardYearWorkbook } = await import(importer);
  const { exportWardYear } = await import('../src/server/features/interchange/export-ward-year');
  const file = await exportWardYear(db, { ward: '北区', fiscalYear: 2022 });
  const write = await timeIt(5, () => wardYearWorkbook(file) as Promise<Buffer>);
  const read = await timeIt(5, () => readWardYearWorkbook(write.last));
  const write2db = await timeIt(3, () => importWardYear(db, read.last));
  console.log(
    table(
      [`Excel (ward workbook, sheets: ${sheets})`, 'median ms', 'min ms'],
      [
        ['export: DB file → workbook', fmt(median(write.ms), 1), fmt(Math.min(...write.ms), 1)],
        ['import: workbook → file (checked)', fmt(median(read.ms), 1), fmt(Math.min(...read.ms), 1)],
        [
          'import: file → database (one transaction)',
          fmt(median(write2db.ms), 1),
          fmt(Math.min(...write2db.ms), 1),
        ],
      ],
      [0],
    ),
  );
  return { xlsxExportMs: median(write.ms), xlsxReadMs: median(read.ms), xlsxImportMs: median(write2db.ms) };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
