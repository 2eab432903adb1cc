/**
 * The licence under which a municipality publishes its sheets as open data (the pages, the CSV,
 * the JSON, the Excel workbook, the PDFs and their DCAT description). A municipality that has
 * chosen none publishes under the government's standard terms, 公共データ利用規約（第1.0版）,
 * which are compatible with CC BY 4.0.
 */
export interface Licence {
  /** The licence as people name it: 「公共データ利用規約 第1.0版（PDL1.0）」. */
  name: string;
  /** Where its terms are read (an absolute http(s) URL). */
  url: string;
}

export const defaultLicence: Licence = {
  name: '公共データ利用規約 第1.0版（PDL1.0）',
  url: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
};

/** The municipality's stored choice (both null: none made), or the default. */
export function licenceOf(stored: { licenceName: string | null; licenceUrl: string | null }): Licence {
  return stored.licenceName !== null && stored.licenceUrl !== null
    ? { name: stored.licenceName, url: stored.licenceUrl }
    : defaultLicence;
}

/** The licence in one line, as a file states it: 「ライセンス：公共データ利用規約 第1.0版（PDL1.0） https://…」. */
export function licenceLine(licence: Licence): string {
  return `ライセンス：${licence.name} ${licence.url}`;
}
