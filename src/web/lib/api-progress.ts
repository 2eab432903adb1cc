import type { BoardFilter, BoardSort } from '../../domain/progress-board';
import { type JobStatus, jobStatusSchema } from '../../schemas/answers';
import type { BulkActionRequest } from '../../schemas/bulk-action';
import { type Home, homeSchema } from '../../schemas/home';
import { type ProgressBoard, progressBoardSchema } from '../../schemas/progress';
import { requestJson } from './api';

/** The 進捗管理表 of a 部区's year, or of the municipality's when `ward` is absent. */
export interface BoardScope {
  fiscalYear: number;
  ward?: string | undefined;
  municipality?: string | undefined;
}

/** What the board's address says: the scope, then its filter and order when they are not the default. */
function boardParams(scope: BoardScope, view: BoardFilter & Partial<BoardSort> = {}): URLSearchParams {
  const params = new URLSearchParams({ fiscalYear: String(scope.fiscalYear) });
  if (scope.ward) params.set('ward', scope.ward);
  if (scope.municipality) params.set('municipality', scope.municipality);
  if (view.phase) params.set('phase', view.phase);
  if (view.overdue) params.set('overdue', 'true');
  if (view.evaluation) params.set('evaluation', view.evaluation);
  if (view.words?.trim()) params.set('words', view.words.trim());
  if (view.key && view.key !== 'order') params.set('sort', view.key);
  if (view.descending) params.set('descending', 'true');
  return params;
}

export function fetchProgressBoard(scope: BoardScope, signal?: AbortSignal): Promise<ProgressBoard> {
  return requestJson('GET', `/api/v1/progress?${boardParams(scope)}`, progressBoardSchema, { signal });
}

/** The CSV of the board as shown: the same filter and order. */
export const progressCsvUrl = (scope: BoardScope, view: BoardFilter & Partial<BoardSort>) =>
  `/api/v1/progress/csv?${boardParams(scope, view)}`;

export function fetchHome(signal?: AbortSignal): Promise<Home> {
  return requestJson('GET', '/api/v1/home', homeSchema, { signal });
}

/** 一括操作: started as a job; its result says, per sheet, done or why not. */
export function startBulkAction(body: BulkActionRequest): Promise<JobStatus> {
  return requestJson('POST', '/api/v1/jobs/bulk-action', jobStatusSchema, { body });
}
