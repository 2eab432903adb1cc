import type { SheetPermission } from './sheet-policy';
import type { SheetStatus } from './sheet-status';

/**
 * The moves of a sheet through its year. Each is one permission of the sheet policy; what it
 * needs (a comment, a reason) and what it records (作成日, 評価日, a snapshot) is said here once.
 */
export const transitions = [
  'submit',
  'approve',
  'return',
  'submitEvaluation',
  'approveEvaluation',
  'confirmEvaluation',
  'publish',
  'reopen',
] as const satisfies readonly SheetPermission[];
export type Transition = (typeof transitions)[number];

/** The three stages at which a sheet is kept as it stood: 作成, 修正, 評価. */
export const snapshotStages = ['plan', 'revision', 'evaluation'] as const;
export type SnapshotStage = (typeof snapshotStages)[number];
export const snapshotStageLabels: Record<SnapshotStage, string> = {
  plan: '作成時',
  revision: '修正時',
  evaluation: '評価時',
};

interface TransitionRule {
  label: string;
  /** What was done, as a sentence ends: 「提出しました」, 「差し戻しました」. */
  done: string;
  /** The button that does it: 「提出する」, 「差し戻す」. */
  verb: string;
  /** The next state, from the current one. */
  to: Partial<Record<SheetStatus, SheetStatus>>;
  /** A comment (差戻しの理由, 再開の理由) is required. */
  needsComment?: true;
  /** Whoever makes this move is the submitter the next approval may not come from. */
  records?: 'submitter';
  /**
   * The sheet date this move stamps: the official date of the phase it completes (the 部区's
   * date for the year, else the municipality's nominal date; see sheet-dates.ts), not today.
   */
  setsDate?: 'createdOn' | 'evaluatedOn';
  snapshot?: SnapshotStage;
}

export const transitionRules: Record<Transition, TransitionRule> = {
  submit: {
    label: '提出',
    done: '提出しました',
    verb: '提出する',
    to: { draft: 'submitted' },
    records: 'submitter',
  },
  approve: {
    label: '承認',
    done: '承認しました',
    verb: '承認する',
    to: { submitted: 'approved' },
    setsDate: 'createdOn',
    snapshot: 'plan',
  },
  return: {
    label: '差戻し',
    done: '差し戻しました',
    verb: '差し戻す',
    to: { submitted: 'draft', evaluation_submitted: 'approved', evaluation_approved: 'approved' },
    needsComment: true,
  },
  submitEvaluation: {
    label: '評価を提出',
    done: '評価を提出しました',
    verb: '評価を提出する',
    to: { approved: 'evaluation_submitted' },
    records: 'submitter',
  },
  approveEvaluation: {
    label: '評価を承認',
    done: '評価を承認しました',
    verb: '評価を承認する',
    to: { evaluation_submitted: 'evaluation_approved' },
  },
  confirmEvaluation: {
    label: '評価を確定',
    done: '評価を確定しました',
    verb: '評価を確定する',
    to: { evaluation_approved: 'evaluated' },
    setsDate: 'evaluatedOn',
    snapshot: 'evaluation',
  },
  publish: { label: '公開', done: '公開しました', verb: '公開する', to: { evaluated: 'published' } },
  reopen: {
    label: '再開（確定の取消し）',
    done: '評価の確定を取り消し、再開しました',
    verb: '再開する',
    to: { evaluated: 'approved', published: 'approved' },
    needsComment: true,
  },
};

export function isTransition(x: string): x is Transition {
  return (transitions as readonly string[]).includes(x);
}

/** The state after `transition` from `status`, or null when the move does not start there. */
export function nextStatus(transition: Transition, status: SheetStatus): SheetStatus | null {
  return transitionRules[transition].to[status] ?? null;
}

/**
 * What can be edited in each state. 下書き: the plan. 承認済み: results, their narratives and
 * notes; targets change only through a revision. Elsewhere: nothing (submit, return or reopen).
 */
export type EditablePart = 'plan' | 'results';
export function editableParts(status: SheetStatus): ReadonlySet<EditablePart> {
  if (status === 'draft') return new Set(['plan']);
  if (status === 'approved') return new Set(['results']);
  return new Set();
}

/** The part of a sheet a field or a change belongs to; `any`: to no one part (a name, a date). */
export type SheetPart = EditablePart | 'any';

/**
 * Whether a part is locked when `editable` are the parts the state allows (`editableParts`):
 * `any` is editable whenever something is; the plan and the results only in their own state.
 * The server refuses a change of a locked part; the editor shows it locked.
 */
export function isPartLocked(part: SheetPart, editable: ReadonlySet<EditablePart>): boolean {
  return part === 'any' ? editable.size === 0 : !editable.has(part);
}
