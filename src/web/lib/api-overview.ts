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

export const wardYearOverviewQuery = (query: WardYearQuery) =>
  queryOptions({
    queryKey: ['ward-year-overview', query.fiscalYear, query.ward, query.municipality ?? null],
    queryFn: ({ signal }) => fetchWardYearOverview(query, signal),
  });

export const municipalityYearOverviewQuery = (query: { fiscalYear: number; municipality: string }) =>
  queryOptions({
    queryKey: ['municipality-year-overview', query.fiscalYear, query.municipality],
    queryFn: ({ signal }) => fetchMunicipalityYearOverview(query, signal),
  });
