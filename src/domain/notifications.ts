import type { Role } from './roles';
import type { SheetStatus } from './sheet-status';

/**
 * 通知: what the app tells a member of staff, in the app and by e-mail. Each kind is one event
 * of the year's work; the words of its subject line are made where the event happens.
 */
export const notificationKinds = [
  /** A transition of one of my sheets, or one waiting for my decision (提出, 差戻し, 承認…). */
  'transition',
  /** 目標の修正 or 実績の訂正 waiting for my decision, or my proposal decided. */
  'proposal',
  /** A comment on a sheet I work on, or a reply in a thread I wrote in. */
  'comment',
  /** 督促 from the 企画担当. */
  'reminder',
  /** A deadline of a sheet I work on is near. */
  'deadlineSoon',
  /** A deadline of a sheet I work on has passed. */
  'overdue',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  transition: '手続き',
  proposal: '申請',
  comment: 'コメント',
  reminder: '督促',
  deadlineSoon: '期限が近づいています',
  overdue: '期限超過',
};

/** How a member of staff gets the e-mail of their notifications. */
export const mailDeliveries = ['digest', 'immediate', 'none'] as const;
export type MailDelivery = (typeof mailDeliveries)[number];

export const mailDeliveryLabels: Record<MailDelivery, string> = {
  digest: 'まとめて（毎朝8時）',
  immediate: 'そのつど',
  none: 'メールで受け取らない',
};

/** A daily digest leaves at this hour, Japan time, with the previous day's notifications. */
const digestHour = 8;

/**
 * When the mail of a notification made at `at` is first due: at once, or at the next digest
 * hour (Japan time, UTC+9 all year) after it.
 */
export function mailDueAt(at: Date, delivery: Exclude<MailDelivery, 'none'>): Date {
  if (delivery === 'immediate') return at;
  const japanOffsetMs = 9 * 60 * 60 * 1000;
  const japan = new Date(at.getTime() + japanOffsetMs);
  const due = Date.UTC(japan.getUTCFullYear(), japan.getUTCMonth(), japan.getUTCDate(), digestHour);
  const next = due <= japan.getTime() ? due + 24 * 60 * 60 * 1000 : due;
  return new Date(next - japanOffsetMs);
}

/** The wait before the n-th retry of a mail the server refused or could not reach (n ≥ 1). */
export function mailRetryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 60, 180][Math.min(attempts, 5) - 1] ?? 180;
  return minutes * 60 * 1000;
}

/** After this many failed attempts a mail is given up (the notification stays in the app). */
export const mailAttemptLimit = 8;

/**
 * Whose step a sheet in this state waits for: its organization's (担当者 and 所属長) to write,
 * its 所属長's to decide, the 企画担当's to confirm; nobody's once 評価確定 or 公開. Deadline
 * notices and 督促 go to them.
 */
export function waitingOn(status: SheetStatus): Extract<Role, 'editor' | 'head' | 'planner'>[] {
  switch (status) {
    case 'draft':
    case 'approved':
      return ['editor', 'head'];
    case 'submitted':
    case 'evaluation_submitted':
      return ['head'];
    case 'evaluation_approved':
      return ['planner'];
    default:
      return [];
  }
}

/** The step a sheet in this state waits for, in the words of a notice: 「作成・提出をお願いします」. */
export const nextStepLabels: Partial<Record<SheetStatus, string>> = {
  draft: '作成・提出',
  submitted: '承認',
  approved: '実績の入力・評価の提出',
  evaluation_submitted: '評価の承認',
  evaluation_approved: '評価の確定',
};
