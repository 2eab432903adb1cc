import { type Context, Hono } from 'hono';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { csvMetadata } from '../../../exports/csv-metadata';
import { dcatCatalog, wardYearDataset } from '../../../exports/dcat';
import { csvMetadataType, jsonLdType } from '../../../schemas/media-types';
import { catalogQuery } from '../../../schemas/open-data';
import { wardYearQuery } from '../../../schemas/ward-year';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { licenceLink } from '../licence/licence-link';
import { municipalityLicence } from '../licence/licence-of';
import { findWard } from '../organizations/find-ward';
import { publicBase, wardYearUrls } from './open-data-urls';
import { type PublishedWardYear, publishedWardYears } from './published-ward-years';

const datasetInput = (base: string, year: PublishedWardYear) => ({
  ...year,
  urls: wardYearUrls(base, year),
});

function answer(c: Context, body: unknown, type: string, link: string) {
  return c.body(JSON.stringify(body), 200, { 'content-type': `${type}; charset=utf-8`, link });
}

/**
 * What a data catalogue reads about the open data: a DCAT dataset (JSON-LD) per 部区 year with
 * its four files, the catalog of every published year, and the CSV's CSVW metadata. Public,
 * and made only of published sheets whoever asks: they describe what the public downloads.
 */
export function openDataRoutes(publicUrl: string | undefined) {
  return new Hono<AppEnv>()
    .get(
      '/dcat',
      doc({
        summary:
          '部区・年度のデータセットの説明（DCAT の JSON-LD。CSV・JSON・Excel・PDF の配布先とライセンス）',
        produces: jsonLdType,
        access: 'だれでも（公開済みのシートのある年度）',
      }),
      validate('query', wardYearQuery),
      async (c) => {
        const query = c.req.valid('query');
        const db = c.get('db');
        const ward = await findWard(db, query);
        const [year] = await publishedWardYears(db, { wardId: ward.id, fiscalYear: query.fiscalYear });
        if (!year) {
          throw new AppError(
            'not_found',
            `${ward.name}の${formatFiscalYear(query.fiscalYear)}の公開されたシートはありません。`,
          );
        }
        const dataset = wardYearDataset(datasetInput(publicBase(c, publicUrl), year));
        return answer(c, dataset, jsonLdType, licenceLink(year.licence));
      },
    )
    .get(
      '/catalog',
      doc({
        summary: '公開済みのすべての部区・年度のデータカタログ（DCAT の JSON-LD。CKAN などが取り込めます）',
        produces: jsonLdType,
        access: 'だれでも',
      }),
      validate('query', catalogQuery),
      async (c) => {
        const { municipality } = c.req.valid('query');
        const db = c.get('db');
        const base = publicBase(c, publicUrl);
        const years = await publishedWardYears(db, { municipality });
        const owners = new Set(years.map((y) => y.municipalityId));
        // One municipality's catalog names it as the publisher, with its licence.
        const first = years[0];
        const owner =
          first && owners.size === 1 ? { name: first.municipality, licence: first.licence } : null;
        const search = municipality ? `?${new URLSearchParams({ municipality })}` : '';
        const catalog = dcatCatalog({
          url: `${base}/api/v1/downloads/catalog${search}`,
          homepage: `${base}/`,
          municipality: owner,
          datasets: years.map((year) => datasetInput(base, year)),
        });
        return c.body(JSON.stringify(catalog), 200, { 'content-type': `${jsonLdType}; charset=utf-8` });
      },
    )
    .get(
      '/csv-metadata',
      doc({
        summary: 'オープンデータ CSV のメタデータ（W3C CSVW: 題名・ライセンス・列の名前と型）',
        produces: csvMetadataType,
        access: 'だれでも',
      }),
      validate('query', wardYearQuery),
      async (c) => {
        const query = c.req.valid('query');
        const db = c.get('db');
        const ward = await findWard(db, query);
        const licence = await municipalityLicence(db, ward.municipalityId);
        const year = { municipality: ward.municipalityName, ward: ward.name, fiscalYear: query.fiscalYear };
        const metadata = csvMetadata({
          ...year,
          licence,
          csvUrl: wardYearUrls(publicBase(c, publicUrl), year).csv,
        });
        return answer(c, metadata, csvMetadataType, licenceLink(licence));
      },
    );
}
