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

function later(a: Phase, b: Phase): Phase {
  return phases.indexOf(a) >= phases.indexOf(b) ? a : b;
}

/**
 * The phase of a 部区's year, for what its consistency report lists. From its sheets: the
 * phase of the most advanced sheet still open (one sheet in 評価 puts the year in 評価 — the
 * others are now behind), 完了 when every sheet is done. From the calendar: a passed 作成
 * deadline puts the year at least in 修正, a passed 修正 deadline — or the end of the fiscal year
 * (31 March) — at least in 評価. A year with no sheets is in 作成.
 */
export function wardYearPhase(
  fiscalYear: number,
  statuses: readonly SheetStatus[],
  deadlines: Deadlines,
  today: string,
): Phase {
  if (statuses.length > 0 && statuses.every((s) => phaseOf(s) === 'done')) return 'done';
  let phase: Phase = 'plan';
  for (const status of statuses) {
    const own = phaseOf(status);
    phase = later(phase, own === 'done' ? 'evaluation' : own);
  }
  if (deadlines.plan && today > deadlines.plan) phase = later(phase, 'revision');
  if (deadlines.revision && today > deadlines.revision) phase = later(phase, 'evaluation');
  if (today > `${fiscalYear + 1}-03-31`) phase = later(phase, 'evaluation');
  return phase;
}
