import { type Presence, presenceSchema } from '../../schemas/presence';
import { requestJson } from './api';

const presencePath = (sheetId: string) => `/api/v1/sheets/${encodeURIComponent(sheetId)}/presence`;

/** 編集中: says this editor is open and learns who else has it open. */
export function notePresence(sheetId: string, signal?: AbortSignal): Promise<Presence> {
  return requestJson('POST', presencePath(sheetId), presenceSchema, { signal });
}

/** The editor was left: others stop seeing this user at once rather than a minute later. */
export function leavePresence(sheetId: string): Promise<Presence> {
  return requestJson('DELETE', presencePath(sheetId), presenceSchema);
}
