import { queryOptions } from '@tanstack/react-query';
import type { SnapshotStage } from '../../domain/sheet-lifecycle';
import { fetchSheet, fetchWards, fetchWardYearSheets, type WardYearQuery } from './api';
import { fetchMe } from './api-auth';
import { fetchEvaluationRule, fetchIndicatorSeries } from './api-indicators';
import { fetchNominalDates } from './api-sheet-dates';
import { fetchHistory, fetchSnapshot } from './api-sheet-edit';
import { fetchConsistency } from './api-ward-year';

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

/** Who is signed in; while someone is, read again every minute so the header's unread 通知 stay current. */
export const meQuery = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => fetchMe(signal),
    refetchInterval: (query) => (query.state.data?.user ? 60_000 : false),
  });

/** Workflow data changes with every action: always read fresh. */
export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ['sheet', id, 'history'],
    queryFn: ({ signal }) => fetchHistory(id, signal),
    staleTime: 0,
  });

export const snapshotQuery = (id: string, stage: SnapshotStage) =>
  queryOptions({
    queryKey: ['sheet', id, 'snapshot', stage],
    queryFn: ({ signal }) => fetchSnapshot(id, stage, signal),
    staleTime: 0,
  });

/** The 点検表 changes with every save: always read fresh. */
export const consistencyQuery = (query: WardYearQuery) =>
  queryOptions({
    queryKey: ['consistency', query.fiscalYear, query.ward, query.municipality ?? null],
    queryFn: ({ signal }) => fetchConsistency(query, signal),
    staleTime: 0,
  });

export const indicatorSeriesQuery = (indicatorId: string) =>
  queryOptions({
    queryKey: ['indicator-series', indicatorId],
    queryFn: ({ signal }) => fetchIndicatorSeries(indicatorId, signal),
  });

export const evaluationRuleQuery = () =>
  queryOptions({
    queryKey: ['evaluation-rule'],
    queryFn: ({ signal }) => fetchEvaluationRule(signal),
  });

export const nominalDatesQuery = () =>
  queryOptions({
    queryKey: ['nominal-dates'],
    queryFn: ({ signal }) => fetchNominalDates(signal),
  });
