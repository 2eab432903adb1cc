import { fiscalYearRange, formatFiscalYear } from '../domain/fiscal-year';
import type { Licence } from '../domain/licence';

/**
 * DCAT (W3C Data Catalog Vocabulary) descriptions of what the city publishes, as JSON-LD: a
 * dataset per 部区 and year with a distribution for each file (CSV, JSON, Excel, the PDF booklet),
 * and a catalog of them all — what a catalogue such as CKAN (ckanext-dcat) harvests. The
 * @context is written out in full (vocabulary IRIs, no remote context), so reading the document
 * needs no request anywhere: the app runs in closed networks.
 */

const dcatContext = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

/** Where each file of a 部区's year is, as absolute URLs (made by the server from its public address). */
export interface WardYearUrls {
  /** This dataset's own description (its IRI). */
  dataset: string;
  /** The 部区's year in the web app. */
  landingPage: string;
  csv: string;
  /** The CSV's W3C CSVW metadata (its table schema). */
  csvMetadata: string;
  json: string;
  /** The interchange format's JSON Schema. */
  jsonSchema: string;
  xlsx: string;
  pdf: string;
}

export interface WardYearDatasetInput {
  municipality: string;
  ward: string;
  fiscalYear: number;
  /** How many published sheets the files hold. */
  sheetCount: number;
  /** When the first of them was published, and when any of them last changed. */
  issued: Date;
  modified: Date;
  licence: Licence;
  urls: WardYearUrls;
}

type Node = Record<string, unknown>;

const ja = (value: string) => ({ '@value': value, '@language': 'ja' });
const iri = (value: string) => ({ '@id': value });
const dateTime = (value: Date) => ({ '@value': value.toISOString(), '@type': 'xsd:dateTime' });
const date = (value: string) => ({ '@value': value, '@type': 'xsd:date' });
const mediaType = (type: string) => iri(`https://www.iana.org/assignments/media-types/${type}`);
const japanese = iri('http://id.loc.gov/vocabulary/iso639-1/ja');

/** The media type a distribution's `dcat:mediaType` IRI names (`…/media-types/text/csv` → `text/csv`). */
export function mediaTypeOf(mediaTypeIri: string): string {
  return mediaTypeIri.replace(/^.*\/media-types\//, '');
}

function distribution(
  id: string,
  licence: Licence,
  file: {
    title: string;
    description: string;
    url: string;
    type: string;
    format: string;
    conformsTo?: string;
  },
): Node {
  return {
    '@id': id,
    '@type': 'dcat:Distribution',
    'dct:title': ja(file.title),
    'dct:description': ja(file.description),
    'dcat:downloadURL': iri(file.url),
    'dcat:accessURL': iri(file.url),
    'dcat:mediaType': mediaType(file.type),
    'dct:format': file.format,
    'dct:license': iri(licence.url),
    ...(file.conformsTo ? { 'dct:conformsTo': iri(file.conformsTo) } : {}),
  };
}

/** The licence with its name, so that a reader needs not follow the link to say what it is. */
const licenceDocument = (licence: Licence): Node => ({
  '@id': licence.url,
  '@type': 'dct:LicenseDocument',
  'dct:title': ja(licence.name),
});

const publisher = (municipality: string): Node => ({
  '@type': ['foaf:Organization', 'foaf:Agent'],
  'foaf:name': ja(municipality),
});

/** One 部区's year as a dcat:Dataset (without @context: `wardYearDataset` and `dcatCatalog` add it). */
function datasetNode(input: WardYearDatasetInput): Node {
  const { municipality, ward, fiscalYear, licence, urls } = input;
  const year = formatFiscalYear(fiscalYear);
  const place = `${municipality}${ward}`;
  return {
    '@id': urls.dataset,
    '@type': 'dcat:Dataset',
    'dct:identifier': urls.dataset,
    'dct:title': ja(`${place} ${year} 組織目標管理シート`),
    'dct:description': ja(
      `${place}の各課・出張所・機関の${year}の組織目標管理シート（公開済みの${input.sheetCount}件）です。組織の目的、組織目標と主な取組、指標ごとの過去3年度の実績・目標・結果、目標達成状況と評価を収めています。`,
    ),
    'dct:publisher': publisher(municipality),
    'dct:license': licenceDocument(licence),
    'dct:issued': dateTime(input.issued),
    'dct:modified': dateTime(input.modified),
    'dct:language': japanese,
    'dcat:keyword': ['組織目標', '組織目標管理シート', '指標', '行政評価', municipality, ward, year].map(ja),
    'dct:temporal': {
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': date(fiscalYearRange(fiscalYear).start),
      'dcat:endDate': date(fiscalYearRange(fiscalYear).end),
    },
    'dct:spatial': { '@type': 'dct:Location', 'skos:prefLabel': ja(place) },
    'dcat:landingPage': iri(urls.landingPage),
    'dcat:distribution': [
      distribution(`${urls.dataset}#csv`, licence, {
        title: `${place} ${year} 指標（CSV）`,
        description:
          '指標と年度ごとに1行のオープンデータ CSV（UTF-8、BOM 付き）。列の定義は W3C CSVW のメタデータにあります。',
        url: urls.csv,
        type: 'text/csv',
        format: 'CSV',
        conformsTo: urls.csvMetadata,
      }),
      distribution(`${urls.dataset}#json`, licence, {
        title: `${place} ${year} 組織目標管理シート（JSON 交換形式）`,
        description: 'シートのすべての項目を収めた交換形式の JSON。形式は JSON Schema で公開しています。',
        url: urls.json,
        type: 'application/json',
        format: 'JSON',
        conformsTo: urls.jsonSchema,
      }),
      distribution(`${urls.dataset}#xlsx`, licence, {
        title: `${place} ${year} 組織目標管理シート（Excel）`,
        description: '組織ごとのワークシートに分かれた Excel ブック（様式と同じ配置）。',
        url: urls.xlsx,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        format: 'XLSX',
      }),
      distribution(`${urls.dataset}#pdf`, licence, {
        title: `${place} ${year} 組織目標管理シート 冊子（PDF）`,
        description: '公開済みのシートを表紙・目次付きで綴じた冊子（A4 横）。',
        url: urls.pdf,
        type: 'application/pdf',
        format: 'PDF',
      }),
    ],
  };
}

/** The JSON-LD document of one 部区's year. */
export function wardYearDataset(input: WardYearDatasetInput): Node {
  return { '@context': dcatContext, ...datasetNode(input) };
}

export interface CatalogInput {
  /** The catalog's own address (its IRI) and the web app's home page. */
  url: string;
  homepage: string;
  /** The municipality when the catalog is one municipality's (its publisher and licence). */
  municipality: { name: string; licence: Licence } | null;
  datasets: WardYearDatasetInput[];
}

/** Every published 部区 year as one dcat:Catalog, each dataset described in full (a harvester reads one document). */
export function dcatCatalog(input: CatalogInput): Node {
  const { municipality } = input;
  const owner = municipality ? `${municipality.name}の` : '';
  return {
    '@context': dcatContext,
    '@id': input.url,
    '@type': 'dcat:Catalog',
    'dct:title': ja(`${municipality ? `${municipality.name} ` : ''}組織目標管理シート オープンデータ`),
    'dct:description': ja(
      `${owner}部区・年度ごとの組織目標管理シート（組織目標・指標・評価）を、CSV・JSON・Excel・PDF で公開しています。公開済みのシートだけを収めています。`,
    ),
    ...(municipality
      ? {
          'dct:publisher': publisher(municipality.name),
          'dct:license': licenceDocument(municipality.licence),
        }
      : {}),
    'dct:language': japanese,
    'foaf:homepage': iri(input.homepage),
    'dcat:dataset': input.datasets.map(datasetNode),
  };
}
