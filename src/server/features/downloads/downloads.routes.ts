import { Hono } from 'hono';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { wardYearCsv } from '../../../exports/csv';
import { csvMetadataType, xlsxType } from '../../../schemas/media-types';
import { fiscalYearParam, wardYearQuery } from '../../../schemas/ward-year';
import { z } from '../../../schemas/zod';
import type { AppEnv } from '../../app-env';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import type { PdfWorkers } from '../../pdf-workers/pdf-workers';
import { exportWardYear } from '../interchange/export-ward-year';
import { licenceLink } from '../licence/licence-link';
import { municipalityLicence } from '../licence/licence-of';
import { wardYearSearch } from '../open-data/open-data-urls';
import { loadWardYear } from '../sheets/load-ward-year';
import { authorize } from '../sheets/sheet-access';
import type { SheetCache } from '../sheets/sheet-cache';
import { cachedSheet } from '../sheets/view-sheet';
import { loadBooklet } from './booklet';
import { attachment } from './content-disposition';

/**
 * The workbook writer (exceljs and its ZIP libraries) is loaded by the first Excel download, not
 * with the server: it was a large part of what every start read.
 */
const xlsxWriter = () => import('../../../exports/xlsx');

const sheetParam = z.object({ id: z.uuid('シートの ID が正しくありません') });

/**
 * What the city publishes, as files: one sheet's PDF, the 部区's booklet (published sheets
 * only), and the open-data CSV, each with its licence in a `Link` header (rel="license"). Each answers to the same reading rules as the pages. PDFs are
 * printed in worker threads and streamed (pdf-workers.ts): other requests go on meanwhile.
 */
export function downloadsRoutes(cache: SheetCache, pdf: PdfWorkers) {
  return new Hono<AppEnv>()
    .get(
      '/sheets/:id/pdf',
      doc({
        summary: 'シートの PDF（A4 横）',
        produces: 'application/pdf',
        access: 'シートを閲覧できる人（公開前のシートは関係者のみ）',
      }),
      validate('param', sheetParam),
      async (c) => {
        const entry = await cachedSheet(c.get('db'), cache, c.req.valid('param').id);
        authorize(c.get('actor'), 'read', entry.subject);
        // The PDF is the publication, whoever prints it.
        const sheet = entry.publicDetail;
        const body = await pdf.sheet(sheet, { signal: c.req.raw.signal, licence: entry.licence });
        const name = `${formatFiscalYear(sheet.fiscalYear)}_${sheet.ward.name}_${sheet.title}.pdf`;
        return c.body(body, 200, {
          'content-type': 'application/pdf',
          'content-disposition': attachment(name, `sheet-${sheet.fiscalYear}.pdf`),
          'cache-control': c.get('actor') ? 'private, no-store' : 'no-cache',
          link: licenceLink(entry.licence),
        });
      },
    )
    .get(
      '/booklet',
      doc({
        summary: '部区・年度の冊子 PDF（公開済みのシートのみ、表紙・目次付き）',
        produces: 'application/pdf',
      }),
      validate('query', wardYearQuery),
      async (c) => {
        const booklet = await loadBooklet(c.get('db'), { ...c.req.valid('query'), actor: c.get('actor') });
        const body = await pdf.booklet(booklet.input, { signal: c.req.raw.signal });
        return c.body(body, 200, {
          'content-type': 'application/pdf',
          'content-disposition': attachment(booklet.filename, booklet.asciiFilename),
          link: licenceLink(booklet.licence),
        });
      },
    )
    .get(
      '/xlsx',
      doc({
        summary: '部区・年度のシートの Excel ブック（組織ごとのワークシート、取り込みに使えます）',
        produces: xlsxType,
      }),
      validate('query', wardYearQuery),
      async (c) => {
        const file = await exportWardYear(c.get('db'), { ...c.req.valid('query'), actor: c.get('actor') });
        const { wardYearWorkbook } = await xlsxWriter();
        const workbook = await wardYearWorkbook(file);
        const name = `${formatFiscalYear(file.fiscalYear)}_${file.municipality}${file.ward}_組織目標管理シート.xlsx`;
        return c.body(new Uint8Array(workbook), 200, {
          'content-type': xlsxType,
          'content-disposition': attachment(name, `sheets-${file.fiscalYear}.xlsx`),
          link: licenceLink(file.licence),
        });
      },
    )
    .get(
      '/xlsx-template',
      doc({ summary: '新しい組織のための空のシート（Excel）', produces: xlsxType }),
      validate('query', z.object({ fiscalYear: fiscalYearParam })),
      async (c) => {
        const { fiscalYear } = c.req.valid('query');
        const { blankTemplate } = await xlsxWriter();
        const workbook = await blankTemplate(fiscalYear);
        return c.body(new Uint8Array(workbook), 200, {
          'content-type': xlsxType,
          'content-disposition': attachment(
            `${formatFiscalYear(fiscalYear)}_組織目標管理シート_様式.xlsx`,
            `template-${fiscalYear}.xlsx`,
          ),
        });
      },
    )
    .get(
      '/csv',
      doc({ summary: 'オープンデータ CSV（UTF-8 BOM 付き、指標と年度ごとに1行）', produces: 'text/csv' }),
      validate('query', wardYearQuery),
      async (c) => {
        const year = await loadWardYear(c.get('db'), { ...c.req.valid('query'), actor: c.get('actor') });
        const licence = await municipalityLicence(c.get('db'), year.ward.municipalityId);
        const metadata = `/api/v1/downloads/csv-metadata?${wardYearSearch({
          municipality: year.ward.municipalityName,
          ward: year.ward.name,
          fiscalYear: year.fiscalYear,
        })}`;
        const csv = wardYearCsv({
          municipality: year.ward.municipalityName,
          ward: year.ward.name,
          fiscalYear: year.fiscalYear,
          sheets: year.sheets,
        });
        const name = `${formatFiscalYear(year.fiscalYear)}_${year.ward.municipalityName}${year.ward.name}_指標.csv`;
        return c.body(csv, 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachment(name, `indicators-${year.fiscalYear}.csv`),
          // The licence, and the CSVW metadata a tabular-data reader looks for first (its columns and types).
          link: `${licenceLink(licence)}, <${metadata}>; rel="describedby"; type="${csvMetadataType}"`,
        });
      },
    );
}
