import { queryOptions } from '@tanstack/react-query';
import {
  type MunicipalityYearOverview,
  municipalityYearOverviewSchema,
  type WardYearOverview,
  wardYearOverviewSchema,
} from '../../schemas/overview';
import type { WardYearQuery } from '../../schemas/ward-year';
import { requestJson } from './api';
import { wardYearParams } from './download-urls';

/**
 * The overviews of a year, apart from `queries.ts` so that their schemas load with the pages
 * that show them, not with every page.
 */

function fetchWardYearOverview(query: WardYearQuery, signal?: AbortSignal): Promise<WardYearOverview> {
  return requestJson('GET', `/api/v1/overview/ward-year?${wardYearParams(query)}`, wardYearOverviewSchema, {
    signal,
  });
}

function fetchMunicipalityYearOverview(
  query: { fiscalYear: number; municipality: string },
  signal?: AbortSignal,
): Promise<MunicipalityYearOverview> {
  const params = new URLSearchParams({
    fiscalYear: String(query.fiscalYear),
    municipality: query.municipality,
  });
  return requestJson('GET', `/api/v1/overview/municipality-year?${params}`, municipalityYearOverviewSchema, {
    signal,
  });
}

/*
 * Their keys start with the 部区 year list's ('ward-year-sheets'): whatever refreshes the lists
 * after a change (a sheet's action, an import, a rollover, dates, the licence) refreshes these.
 */
export const wardYearOverviewQuery = (query: WardYearQuery) =>
  queryOptions({
    queryKey: ['ward-year-sheets', query.fiscalYear, query.ward, query.municipality ?? null, 'overview'],
    queryFn: ({ signal }) => fetchWardYearOverview(query, signal),
  });

export const municipalityYearOverviewQuery = (query: { fiscalYear: number; municipality: string }) =>
  queryOptions({
    queryKey: ['ward-year-sheets', 'municipality', query.fiscalYear, query.municipality],
    queryFn: ({ signal }) => fetchMunicipalityYearOverview(query, signal),
  });
