import { queryOptions } from '@tanstack/react-query';
import {
  type MunicipalitySummary,
  municipalitySummarySchema,
  type NewMunicipality,
} from '../../schemas/municipalities';
import { requestJson } from './api';

// Apart from queries.ts: only the システム管理者's page loads these schemas.

/** The installation's municipalities (システム管理者). */
export const municipalitiesQuery = () =>
  queryOptions({
    queryKey: ['municipalities'],
    queryFn: ({ signal }) =>
      requestJson('GET', '/api/v1/municipalities', municipalitySummarySchema.array(), { signal }),
  });

/** システム管理者: a municipality and its first 管理者, together or not at all. */
export function createMunicipality(input: NewMunicipality): Promise<MunicipalitySummary> {
  return requestJson('POST', '/api/v1/municipalities', municipalitySummarySchema, { body: input });
}
