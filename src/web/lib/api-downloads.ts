import {
  type ImportSummary,
  importSummarySchema,
  type JobStatus,
  jobStatusSchema,
} from '../../schemas/answers';
import { z } from '../../schemas/zod';
import { requestJson, type WardYearQuery } from './api';

/** The files the city publishes (PDF, Excel, CSV) and the long jobs behind some of them. */
export { type ImportSummary, importSummarySchema, type JobStatus, jobStatusSchema };

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function wardYearParams({ fiscalYear, ward, municipality }: WardYearQuery): string {
  const params = new URLSearchParams({ fiscalYear: String(fiscalYear), ward });
  if (municipality) params.set('municipality', municipality);
  return params.toString();
}

export const downloadUrls = {
  sheetPdf: (sheetId: string) => `/api/v1/downloads/sheets/${encodeURIComponent(sheetId)}/pdf`,
  xlsx: (query: WardYearQuery) => `/api/v1/downloads/xlsx?${wardYearParams(query)}`,
  csv: (query: WardYearQuery) => `/api/v1/downloads/csv?${wardYearParams(query)}`,
  template: (fiscalYear: number) => `/api/v1/downloads/xlsx-template?fiscalYear=${fiscalYear}`,
  jobFile: (jobId: string) => `/api/v1/jobs/${encodeURIComponent(jobId)}/file`,
};

/** 冊子（PDF）: starts making the booklet of the 部区's published sheets. */
export function startBookletJob(query: WardYearQuery): Promise<JobStatus> {
  const body = {
    ward: query.ward,
    fiscalYear: query.fiscalYear,
    ...(query.municipality ? { municipality: query.municipality } : {}),
  };
  return requestJson('POST', '/api/v1/jobs/booklet', jobStatusSchema, { body });
}

/** Sends the workbook's bytes as they are; the import runs as a job (all or nothing). */
export function startXlsxImport(file: Blob): Promise<JobStatus> {
  return requestJson('POST', '/api/v1/jobs/xlsx-import', jobStatusSchema, {
    raw: { data: file, type: xlsxType },
  });
}

export function fetchJob(id: string, signal?: AbortSignal): Promise<JobStatus> {
  return requestJson('GET', `/api/v1/jobs/${encodeURIComponent(id)}`, jobStatusSchema, { signal });
}
