/**
 * What is done to a user account, as its record (`user_changes`) keeps it and people read it.
 * Pure: the server writes `detail` in these shapes and words each entry with `describeUserChange`.
 */

const userChangeActions = [
  'created',
  'updated',
  'deactivated',
  'reactivated',
  'password_reset',
  'password_changed',
] as const;
export type UserChangeAction = (typeof userChangeActions)[number];

export const userChangeLabels: Record<UserChangeAction, string> = {
  created: '作成',
  updated: '変更',
  deactivated: '利用停止',
  reactivated: '利用再開',
  password_reset: 'パスワードの再設定（仮パスワードの発行）',
  password_changed: 'パスワードの変更',
};

/** The fields an edit changes, in the words of the record. */
const userFieldLabels = {
  displayName: '表示名',
  email: 'メールアドレス',
  roles: '役割',
} as const;
type UserField = keyof typeof userFieldLabels;

/** `detail` of 'created'. */
export interface CreatedDetail {
  loginId: string;
  displayName: string;
  email: string | null;
  /** Each role in words (「担当者（北区 地域総務課）」). */
  roles: string[];
  systemAdmin: boolean;
  mustChangePassword: boolean;
}

/** `detail` of 'updated': each field changed, before and after (roles as words). */
export interface UpdatedDetail {
  changes: { field: UserField; before: string | string[] | null; after: string | string[] | null }[];
}

const valueText = (value: unknown): string => {
  if (Array.isArray(value)) return value.length === 0 ? 'なし' : value.map(String).join('、');
  if (value === null || value === undefined || value === '') return 'なし';
  return String(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What an entry changed, in words; '' when its label says it all. */
export function describeUserChange(action: UserChangeAction, detail: unknown): string {
  if (!isRecord(detail)) return '';
  if (action === 'created') {
    const parts = [`役割：${valueText(detail.roles)}`];
    if (detail.systemAdmin === true) parts.push('システム管理者');
    if (detail.mustChangePassword === true) parts.push('初回ログイン時にパスワードの変更が必要');
    return parts.join('／');
  }
  if (action === 'updated' && Array.isArray(detail.changes)) {
    return detail.changes
      .filter(isRecord)
      .map((change) => {
        const label = userFieldLabels[change.field as UserField] ?? String(change.field);
        return `${label}：${valueText(change.before)} → ${valueText(change.after)}`;
      })
      .join('／');
  }
  if (action === 'deactivated' && typeof detail.sessionsEnded === 'number' && detail.sessionsEnded > 0) {
    return `ログイン中のセッション${detail.sessionsEnded}件を終了`;
  }
  return '';
}
