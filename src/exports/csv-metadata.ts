import { formatFiscalYear } from '../domain/fiscal-year';
import type { Licence } from '../domain/licence';
import { type CsvColumn, csvColumns } from './csv';

/**
 * The open-data CSV's W3C CSVW metadata (Metadata Vocabulary for Tabular Data): its title,
 * licence and publisher, how the file is written, and each column with a name a program can use
 * and the type of its values. The CSV's answer points at it (`Link: …; rel="describedby"`).
 */

type Datatype = 'string' | 'integer' | 'number' | 'date';

/** Each column's name for programs (CSVW names are URI-template variables: ASCII) and its values' type. */
const columnTerms: Record<CsvColumn, { name: string; datatype: Datatype }> = {
  自治体: { name: 'municipality', datatype: 'string' },
  部区: { name: 'ward', datatype: 'string' },
  年度: { name: 'fiscal_year', datatype: 'integer' },
  '年度（和暦）': { name: 'fiscal_year_japanese', datatype: 'string' },
  '組織名（部）': { name: 'department', datatype: 'string' },
  '組織名（準部・課・機関名）': { name: 'organization', datatype: 'string' },
  作成日: { name: 'created_on', datatype: 'date' },
  修正日: { name: 'revised_on', datatype: 'date' },
  評価日: { name: 'evaluated_on', datatype: 'date' },
  目標番号: { name: 'goal_no', datatype: 'integer' },
  部区目標番号: { name: 'ward_goal_no', datatype: 'integer' },
  組織目標: { name: 'goal', datatype: 'string' },
  指標: { name: 'indicator', datatype: 'string' },
  単位: { name: 'unit', datatype: 'string' },
  方向: { name: 'direction', datatype: 'string' },
  対象年度: { name: 'value_fiscal_year', datatype: 'integer' },
  '対象年度（和暦）': { name: 'value_fiscal_year_japanese', datatype: 'string' },
  区分: { name: 'row_kind', datatype: 'string' },
  目標: { name: 'target', datatype: 'string' },
  '目標（数値）': { name: 'target_value', datatype: 'number' },
  結果: { name: 'result', datatype: 'string' },
  '結果（数値）': { name: 'result_value', datatype: 'number' },
  評価: { name: 'evaluation', datatype: 'string' },
  '補足・参考指標': { name: 'note', datatype: 'string' },
  目標達成状況: { name: 'achievement', datatype: 'string' },
  目標の修正: { name: 'target_revisions', datatype: 'string' },
  指標ID: { name: 'indicator_id', datatype: 'string' },
  目標の条件: { name: 'target_qualifier', datatype: 'string' },
  結果の訂正: { name: 'result_corrections', datatype: 'string' },
};

export interface CsvMetadataInput {
  municipality: string;
  ward: string;
  fiscalYear: number;
  licence: Licence;
  /** The CSV it describes, as an absolute URL. */
  csvUrl: string;
}

/** The CSVW metadata document (`application/csvm+json`) of a 部区's year's CSV. */
export function csvMetadata(input: CsvMetadataInput): Record<string, unknown> {
  const place = `${input.municipality}${input.ward}`;
  const year = formatFiscalYear(input.fiscalYear);
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'ja' }],
    url: input.csvUrl,
    'dc:title': `${place} ${year} 組織目標管理シート 指標`,
    'dc:description': `${place}の${year}の組織目標管理シートの指標を、指標と年度ごとに1行（前3年度の実績と、その年度の目標・結果）で収めた CSV です。数値の列は読み取れた値だけを入れ、書かれたとおりの値は対応する文字の列にあります。`,
    'dc:publisher': input.municipality,
    'dc:license': { '@id': input.licence.url },
    'dc:rights': input.licence.name,
    'dc:language': 'ja',
    dialect: {
      encoding: 'utf-8',
      header: true,
      lineTerminators: ['\r\n'],
      doubleQuote: true,
      // Values are kept as written: a leading full-width space is part of the text.
      trim: false,
    },
    tableSchema: {
      columns: csvColumns.map((title) => ({
        name: columnTerms[title].name,
        titles: title,
        datatype: columnTerms[title].datatype,
      })),
    },
  };
}
