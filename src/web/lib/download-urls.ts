import type { WardYearQuery } from '../../schemas/ward-year';

/** A 部区 year as query parameters (`fiscalYear`, `ward`, and `municipality` when given). */
export function wardYearParams({ fiscalYear, ward, municipality }: WardYearQuery): string {
  const params = new URLSearchParams({ fiscalYear: String(fiscalYear), ward });
  if (municipality) params.set('municipality', municipality);
  return params.toString();
}

/**
 * A sheet's PDF: the one file the public sheet page links to, apart from `downloadUrls` so that
 * the page's first load carries no other.
 */
export const sheetPdfUrl = (sheetId: string) => `/api/v1/downloads/sheets/${encodeURIComponent(sheetId)}/pdf`;

/**
 * Where the files the city publishes (PDF, Excel, CSV) and their DCAT description are
 * downloaded: plain links (the booklet's job: `api-downloads.ts`).
 */
export const downloadUrls = {
  dcat: (query: WardYearQuery) => `/api/v1/downloads/dcat?${wardYearParams(query)}`,
  xlsx: (query: WardYearQuery) => `/api/v1/downloads/xlsx?${wardYearParams(query)}`,
  csv: (query: WardYearQuery) => `/api/v1/downloads/csv?${wardYearParams(query)}`,
  template: (fiscalYear: number) => `/api/v1/downloads/xlsx-template?fiscalYear=${fiscalYear}`,
  jobFile: (jobId: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/file`,
};
