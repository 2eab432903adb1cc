import { type Actor, type OrganizationScope, type Role, rolesReaching } from './roles';
import type { SheetStatus } from './sheet-status';

/**
 * 過年度実績の訂正: once a year is closed, its results change only through a correction —
 * proposed with a reason by someone of the organization, approved by its 所属長 (not the
 * proposer) or the 企画担当 of its 部区.
 */
export const correctionStatuses = ['proposed', 'approved', 'returned'] as const;
export type CorrectionStatus = (typeof correctionStatuses)[number];

export const correctionStatusLabels: Record<CorrectionStatus, string> = {
  proposed: '承認待ち',
  approved: '訂正済み',
  returned: '差戻し',
};

export const correctionPermissions = ['proposeCorrection', 'decideCorrection'] as const;
export type CorrectionPermission = (typeof correctionPermissions)[number];

/** Who may do what with a correction of a result of an organization's indicator. */
export const correctionPolicy: Record<CorrectionPermission, readonly Role[]> = {
  proposeCorrection: ['editor', 'head'],
  decideCorrection: ['head', 'planner'],
};

export function canCorrect(
  actor: Actor | null,
  permission: CorrectionPermission,
  scope: OrganizationScope,
): boolean {
  const held = rolesReaching(actor, scope);
  return correctionPolicy[permission].some((role) => held.has(role));
}

/** Nobody approves his or her own proposal. */
export function mayDecide(actor: Actor | null, scope: OrganizationScope, proposedBy: string | null): boolean {
  return canCorrect(actor, 'decideCorrection', scope) && actor?.userId !== proposedBy;
}

/** The states in which a year's results are the record and change only by correction. */
export const closedStatuses: readonly SheetStatus[] = ['evaluated', 'published'];

/**
 * Whether a year's result is closed: its sheet is 評価確定 or 公開, or the year has no sheet
 * (a result from before the system, kept as the record it came with).
 */
export function isClosedYear(yearSheetStatus: SheetStatus | null): boolean {
  return yearSheetStatus === null || closedStatuses.includes(yearSheetStatus);
}
