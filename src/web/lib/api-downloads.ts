import { type JobStatus, jobStatusSchema } from '../../schemas/answers';
import {
  type ImportPreview,
  type ImportResult,
  importPreviewSchema,
  importResultSchema,
} from '../../schemas/import';
import { xlsxType } from '../../schemas/media-types';
import type { BookletJob } from '../../schemas/ward-year';
import { requestJson, type WardYearQuery } from './api';

/** The long jobs behind some of the files the city publishes (their links: `download-urls.ts`). */
export { type ImportPreview, type ImportResult, importPreviewSchema, importResultSchema, type JobStatus };

/** 冊子（PDF）: starts making the booklet of the 部区's published sheets. */
export function startBookletJob(query: WardYearQuery): Promise<JobStatus> {
  const body: BookletJob = {
    ward: query.ward,
    fiscalYear: query.fiscalYear,
    ...(query.municipality ? { municipality: query.municipality } : {}),
  };
  return requestJson('POST', '/api/v1/jobs/booklet', jobStatusSchema, { body });
}

/**
 * What the page expects the file to be for (its 部区 and year): a different one is called out.
 * Nothing, on the municipality's own import page (a new 部区's first sheets).
 */
export type ImportExpectation = { fiscalYear?: number; ward?: string; municipality?: string | undefined };

function importParams(file: File, extra: Record<string, string>): string {
  return new URLSearchParams({ fileName: file.name, via: 'browser', ...extra }).toString();
}

/** The file's bytes as they are (Excel or JSON: the server reads and checks them). */
function rawFile(file: File) {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? xlsxType : 'application/json';
  return { data: file, type };
}

/** 取り込みの確認: what the file would do, as a job (nothing is written). */
export function startImportPreview(file: File, expected: ImportExpectation): Promise<JobStatus> {
  const params = importParams(file, {
    ...(expected.fiscalYear ? { expectedFiscalYear: String(expected.fiscalYear) } : {}),
    ...(expected.ward ? { expectedWard: expected.ward } : {}),
    ...(expected.municipality ? { expectedMunicipality: expected.municipality } : {}),
  });
  return requestJson('POST', `/api/v1/jobs/import/preview?${params}`, jobStatusSchema, {
    raw: rawFile(file),
  });
}

/** 取り込み: the same file with the preview's token (and the reason, when one is needed), as a job. */
export function startImport(
  file: File,
  previewToken: string,
  reason: string | undefined,
): Promise<JobStatus> {
  const params = importParams(file, { previewToken, ...(reason ? { reason } : {}) });
  return requestJson('POST', `/api/v1/jobs/import?${params}`, jobStatusSchema, { raw: rawFile(file) });
}

export function fetchJob(id: string, signal?: AbortSignal): Promise<JobStatus> {
  return requestJson('GET', `/api/v1/jobs/${encodeURIComponent(id)}`, jobStatusSchema, { signal });
}
