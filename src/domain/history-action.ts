import { isTransition, transitionRules } from './sheet-lifecycle';

/** What a history entry did, in words: 「差戻し」, 「目標の修正の申請」, 「編集」… */

const kindLabels: Record<string, string> = {
  edit: '編集',
  transition: '状態の変更',
  revision: '目標の修正',
  correction: '過年度実績の訂正',
  import: '取り込み',
  rollover: '次年度シートの作成',
  dates: '作成日・修正日・評価日の設定',
  comment: 'コメント',
  reminder: '督促',
};

const actionsOfKind: Record<string, Record<string, string>> = {
  revision: { proposed: '目標の修正の申請', approved: '目標の修正の承認', returned: '目標の修正の差戻し' },
  correction: {
    proposed: '過年度実績の訂正の申請',
    approved: '過年度実績の訂正の承認',
    returned: '過年度実績の訂正の差戻し',
  },
  dates: {
    wardYear: '部区の作成日・修正日・評価日の設定',
    sheet: 'このシートの作成日・修正日・評価日の設定',
  },
  comment: {
    started: 'コメント',
    replied: 'コメントへの返信',
    resolved: 'コメントの解決',
    reopened: 'コメントを未解決に戻す',
  },
};

export function historyActionLabel(entry: { kind: string; action: string | null }): string {
  if (entry.kind === 'transition' && entry.action && isTransition(entry.action)) {
    return transitionRules[entry.action].label;
  }
  const ofKind = entry.action ? actionsOfKind[entry.kind]?.[entry.action] : undefined;
  return ofKind ?? kindLabels[entry.kind] ?? entry.action ?? entry.kind;
}
