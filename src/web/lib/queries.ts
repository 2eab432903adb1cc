import { queryOptions } from '@tanstack/react-query';
import { fetchSheet, fetchWards, fetchWardYearSheets, type WardYearQuery } from './api';

/** Query definitions shared by route loaders (prefetch) and components (read). */
export const wardsQuery = () =>
  queryOptions({
    queryKey: ['wards'],
    queryFn: ({ signal }) => fetchWards(signal),
  });

export const wardYearSheetsQuery = (query: WardYearQuery) =>
  queryOptions({
    queryKey: ['ward-year-sheets', query.fiscalYear, query.ward, query.municipality ?? null],
    queryFn: ({ signal }) => fetchWardYearSheets(query, signal),
  });

export const sheetQuery = (id: string) =>
  queryOptions({
    queryKey: ['sheet', id],
    queryFn: ({ signal }) => fetchSheet(id, signal),
  });
