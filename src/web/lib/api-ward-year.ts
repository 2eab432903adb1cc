import type { Deadlines } from '../../domain/deadlines';
import {
  type ConsistencyItem,
  type ConsistencyReport,
  consistencyReportSchema,
  type RolloverSummary,
  rolloverSummarySchema,
} from '../../schemas/answers';
import { type Reorganize, type Reorganized, reorganizedSchema } from '../../schemas/reorganization';
import { type Organization, organizationSchema } from '../../schemas/sheet';
import { deadlinesSetSchema, type RollOver, type SetDeadlines } from '../../schemas/ward-year';
import { requestJson, type WardYearQuery } from './api';

/**
 * What is done to a 部区's year as a whole: its consistency report (点検表), its deadlines, and
 * rolling it over to the next year (answers described in src/schemas/answers.ts); a kind of
 * finding this app does not know is shown as written.
 */
export type { ConsistencyItem, ConsistencyReport, RolloverSummary };

function wardBody({ ward, municipality }: WardYearQuery) {
  return municipality ? { ward, municipality } : { ward };
}

export function fetchConsistency(query: WardYearQuery, signal?: AbortSignal): Promise<ConsistencyReport> {
  const params = new URLSearchParams({ fiscalYear: String(query.fiscalYear), ward: query.ward });
  if (query.municipality) params.set('municipality', query.municipality);
  return requestJson('GET', `/api/v1/consistency?${params}`, consistencyReportSchema, { signal });
}

/** 次年度のシートを作成: next year's sheets as 下書き, from this year's (企画担当). */
export function rollOver(query: WardYearQuery): Promise<RolloverSummary> {
  const body: RollOver = { ...wardBody(query), fromYear: query.fiscalYear };
  return requestJson('POST', '/api/v1/rollover', rolloverSummarySchema, { body });
}

/** The 作成・修正・評価 deadlines of the year (企画担当); each an ISO date or null. */
export async function saveDeadlines(query: WardYearQuery, deadlines: Deadlines): Promise<Deadlines> {
  const body: SetDeadlines = { ...wardBody(query), fiscalYear: query.fiscalYear, deadlines };
  return (await requestJson('PUT', '/api/v1/deadlines', deadlinesSetSchema, { body })).deadlines;
}

/** 組織の改編: rename, merge or split organizations from a fiscal year (企画担当・管理者). */
export function reorganize(body: Reorganize): Promise<Reorganized> {
  return requestJson('POST', '/api/v1/reorganizations', reorganizedSchema, { body });
}

/** The organizations of a 部区, the 部区 itself first. */
export function fetchOrganizations(ward: string, municipality?: string): Promise<Organization[]> {
  const params = new URLSearchParams({ ward });
  if (municipality) params.set('municipality', municipality);
  return requestJson('GET', `/api/v1/organizations?${params}`, organizationSchema.array());
}
