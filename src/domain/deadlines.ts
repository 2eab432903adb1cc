import type { SheetStatus } from './sheet-status';

/** The three deadlines of a 部区's year (ISO dates), each null until the 企画担当 sets it. */
export interface Deadlines {
  plan: string | null;
  revision: string | null;
  evaluation: string | null;
}

export const phases = ['plan', 'revision', 'evaluation', 'done'] as const;
export type Phase = (typeof phases)[number];
export const phaseLabels: Record<Phase, string> = {
  plan: '作成',
  revision: '修正・実績入力',
  evaluation: '評価',
  done: '完了',
};

/** Which part of its year a sheet is in, from its state. */
export function phaseOf(status: SheetStatus): Phase {
  switch (status) {
    case 'draft':
    case 'submitted':
      return 'plan';
    case 'approved':
      return 'revision';
    case 'evaluation_submitted':
    case 'evaluation_approved':
      return 'evaluation';
    default:
      return 'done';
  }
}

/**
 * The deadline a sheet has missed, or null. A sheet still being planned after the 作成 deadline,
 * or not yet evaluated (評価確定) after the 評価 deadline, is overdue. The 修正 deadline closes
 * revisions; it makes no sheet overdue by itself.
 */
export function missedDeadline(
  status: SheetStatus,
  deadlines: Deadlines,
  today: string,
): 'plan' | 'evaluation' | null {
  const phase = phaseOf(status);
  if (phase === 'plan' && deadlines.plan && today > deadlines.plan) return 'plan';
  if (phase !== 'done' && deadlines.evaluation && today > deadlines.evaluation) return 'evaluation';
  return null;
}
