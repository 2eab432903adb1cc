import { isTransition, transitionRules } from '../../../domain/sheet-lifecycle';
import { sheetStatuses, sheetStatusLabels } from '../../../domain/sheet-status';
import type { HistoryEntry } from '../../lib/api-sheet-edit';

const kindLabels: Record<string, string> = {
  edit: '編集',
  transition: '状態の変更',
  revision: '目標の修正',
  import: '取り込み',
  rollover: '次年度シートの作成',
  dates: '作成日・修正日・評価日の設定',
};

const dateActions: Record<string, string> = {
  wardYear: '部区の作成日・修正日・評価日の設定',
  sheet: 'このシートの作成日・修正日・評価日の設定',
};

const revisionActions: Record<string, string> = {
  proposed: '目標の修正の申請',
  approved: '目標の修正の承認',
  returned: '目標の修正の差戻し',
};

function statusLabel(status: string | null): string | null {
  const known = sheetStatuses.find((s) => s === status);
  return known ? sheetStatusLabels[known] : status;
}

/** 操作 in words: 「差戻し」, 「目標の修正の申請」, 「編集」… */
export function actionLabel(entry: HistoryEntry): string {
  if (entry.kind === 'transition' && entry.action && isTransition(entry.action)) {
    return transitionRules[entry.action].label;
  }
  if (entry.kind === 'revision' && entry.action) return revisionActions[entry.action] ?? entry.action;
  if (entry.kind === 'dates' && entry.action) return dateActions[entry.action] ?? entry.action;
  return kindLabels[entry.kind] ?? entry.action ?? entry.kind;
}

/** 「承認済み → 評価提出済み」 when the entry moved the sheet. */
export function statusChange(entry: HistoryEntry): string | null {
  if (!entry.fromStatus && !entry.toStatus) return null;
  return `${statusLabel(entry.fromStatus) ?? '（なし）'} → ${statusLabel(entry.toStatus) ?? '（なし）'}`;
}
