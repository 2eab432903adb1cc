import type { SnapshotStage } from '../../domain/sheet-lifecycle';
import { type HistoryEntry, historySchema, type SheetHistory } from '../../schemas/answers';
import { type SheetDetail, sheetDetailSchema } from '../../schemas/sheet';
import {
  type DecideRevision,
  type ProposeRevision,
  revisionProposedSchema,
  type SaveSheet,
  type SheetSaved,
  type SheetView,
  sheetMovedSchema,
  sheetSavedSchema,
  type TransitionSheet,
} from '../../schemas/sheet-edit';
import { requestJson, sheetPath } from './api';

export type { HistoryEntry, SheetHistory };

/** Save the whole document, based on the version the editor started from (409 if stale). */
export function saveSheet(id: string, input: SaveSheet): Promise<SheetSaved> {
  return requestJson('PUT', sheetPath(id), sheetSavedSchema, { body: input });
}

export async function transitionSheet(id: string, input: TransitionSheet): Promise<SheetView> {
  return (await requestJson('POST', `${sheetPath(id)}/transitions`, sheetMovedSchema, { body: input })).sheet;
}

/** 目標の修正の申請. */
export async function proposeRevision(id: string, input: ProposeRevision): Promise<SheetView> {
  return (await requestJson('POST', `${sheetPath(id)}/revisions`, revisionProposedSchema, { body: input }))
    .sheet;
}

/** The head's decision on a proposed 目標の修正. */
export async function decideRevision(
  id: string,
  revisionId: string,
  input: DecideRevision,
): Promise<SheetView> {
  const path = `${sheetPath(id)}/revisions/${encodeURIComponent(revisionId)}/decision`;
  return (await requestJson('POST', path, sheetMovedSchema, { body: input })).sheet;
}

export function fetchHistory(id: string, signal?: AbortSignal): Promise<SheetHistory> {
  return requestJson('GET', `${sheetPath(id)}/history`, historySchema, { signal });
}

/** The sheet as it stood at 作成/修正/評価. */
export function fetchSnapshot(id: string, stage: SnapshotStage, signal?: AbortSignal): Promise<SheetDetail> {
  return requestJson('GET', `${sheetPath(id)}/snapshots/${stage}`, sheetDetailSchema, { signal });
}
