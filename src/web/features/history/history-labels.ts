import { sheetStatuses, sheetStatusLabels } from '../../../domain/sheet-status';
import type { HistoryEntry } from '../../lib/api-sheet-edit';

function statusLabel(status: string | null): string | null {
  const known = sheetStatuses.find((s) => s === status);
  return known ? sheetStatusLabels[known] : status;
}

/** 「承認済み → 評価提出済み」 when the entry moved the sheet. */
export function statusChange(entry: HistoryEntry): string | null {
  if (!entry.fromStatus && !entry.toStatus) return null;
  return `${statusLabel(entry.fromStatus) ?? '（なし）'} → ${statusLabel(entry.toStatus) ?? '（なし）'}`;
}
