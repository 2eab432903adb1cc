import type { WardYearQuery } from '../../schemas/ward-year';

/** A 部区 year as query parameters (`fiscalYear`, `ward`, and `municipality` when given). */
export function wardYearParams({ fiscalYear, ward, municipality }: WardYearQuery): string {
  const params = new URLSearchParams({ fiscalYear: String(fiscalYear), ward });
  if (municipality) params.set('municipality', municipality);
  return params.toString();
}

/**
 * Where the files the city publishes (PDF, Excel, CSV) are downloaded: plain links, so the
 * public sheet page needs nothing else of the downloads (their jobs: `api-downloads.ts`).
 */
export const downloadUrls = {
  sheetPdf: (sheetId: string) => `/api/v1/downloads/sheets/${encodeURIComponent(sheetId)}/pdf`,
  xlsx: (query: WardYearQuery) => `/api/v1/downloads/xlsx?${wardYearParams(query)}`,
  csv: (query: WardYearQuery) => `/api/v1/downloads/csv?${wardYearParams(query)}`,
  template: (fiscalYear: number) => `/api/v1/downloads/xlsx-template?fiscalYear=${fiscalYear}`,
  jobFile: (jobId: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/file`,
};
