import { z } from '../../schemas/zod';
import { requestJson, type WardYearQuery } from './api';

/**
 * The files the city publishes (PDF, Excel, CSV) and the long jobs behind some of them (the
 * booklet, a workbook import). There is no shared schema for a job's status in src/schemas, so
 * it is described here from src/server/features/jobs/job-registry.ts.
 */
export const jobStatusSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int(),
  total: z.number().int(),
  message: z.string(),
  error: z
    .object({
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })),
    })
    .optional(),
  result: z.unknown().optional(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** What an Excel import wrote (the `result` of a finished xlsx-import job). */
export const importSummarySchema = z.object({
  municipality: z.string(),
  ward: z.string(),
  fiscalYear: z.number().int(),
  sheets: z.number().int(),
  goals: z.number().int(),
  indicators: z.number().int(),
  createdSheets: z.number().int(),
  updatedSheets: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

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
