import { queryOptions } from '@tanstack/react-query';
import { type BoardScope, fetchHome, fetchProgressBoard } from './api-progress';

/**
 * The queries of ホーム and the 進捗管理表, apart from `queries.ts` so that their schemas load
 * with those pages, not with every page (the router's loaders import this module when needed).
 */
/** The 進捗管理表 moves with every action anyone takes: always read fresh. */
export const progressBoardQuery = (scope: BoardScope) =>
  queryOptions({
    queryKey: ['progress', scope.fiscalYear, scope.ward ?? null, scope.municipality ?? null],
    queryFn: ({ signal }) => fetchProgressBoard(scope, signal),
    staleTime: 0,
  });

/** What waits for the user changes with every action anyone takes: always read fresh. */
export const homeQuery = () =>
  queryOptions({
    queryKey: ['home'],
    queryFn: ({ signal }) => fetchHome(signal),
    staleTime: 0,
  });
