import type { SheetDocument } from '../../domain/sheet-document';
import { type SnapshotStage, snapshotStages, type Transition } from '../../domain/sheet-lifecycle';
import { type HistoryEntry, historySchema, type SheetHistory } from '../../schemas/answers';
import { type SheetDetail, sheetDetailSchema } from '../../schemas/sheet';
import { type SheetView, sheetViewSchema } from '../../schemas/sheet-edit';
import { z } from '../../schemas/zod';
import { requestJson, sheetPath } from './api';

export { type HistoryEntry, historySchema, type SheetHistory };

const savedSchema = z.object({ changes: z.number(), sheet: sheetViewSchema });
const movedSchema = z.object({ sheet: sheetViewSchema });

/** Save the whole document, based on the version the editor started from (409 if stale). */
export function saveSheet(
  id: string,
  input: { version: number; document: SheetDocument },
): Promise<{ changes: number; sheet: SheetView }> {
  return requestJson('PUT', sheetPath(id), savedSchema, { body: input });
}

export async function transitionSheet(
  id: string,
  input: { transition: Transition; version: number; comment?: string },
): Promise<SheetView> {
  return (await requestJson('POST', `${sheetPath(id)}/transitions`, movedSchema, { body: input })).sheet;
}

/** 目標の修正の申請. */
export async function proposeRevision(
  id: string,
  input: { version: number; indicatorId: string; to: { text: string }; reason: string },
): Promise<SheetView> {
  return (await requestJson('POST', `${sheetPath(id)}/revisions`, movedSchema, { body: input })).sheet;
}

/** The head's decision on a proposed 目標の修正. */
export async function decideRevision(
  id: string,
  revisionId: string,
  input: { version: number; decision: 'approve' | 'return'; comment?: string },
): Promise<SheetView> {
  const path = `${sheetPath(id)}/revisions/${encodeURIComponent(revisionId)}/decision`;
  return (await requestJson('POST', path, movedSchema, { body: input })).sheet;
}

export function fetchHistory(id: string, signal?: AbortSignal): Promise<SheetHistory> {
  return requestJson('GET', `${sheetPath(id)}/history`, historySchema, { signal });
}

/** The sheet as it stood at 作成/修正/評価. */
export function fetchSnapshot(id: string, stage: SnapshotStage, signal?: AbortSignal): Promise<SheetDetail> {
  return requestJson('GET', `${sheetPath(id)}/snapshots/${stage}`, sheetDetailSchema, { signal });
}
