import { type Actor, holdsAny, type OrganizationScope, type Role, rolesReaching } from './roles';
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

interface CorrectionRule {
  roles: readonly Role[];
  /** Nobody approves or returns his or her own proposal. */
  notByProposer?: true;
}

/**
 * Who may do what with a correction of a result of an organization's indicator. Services ask
 * through `authorizeCorrection` (src/server/features/corrections/correction-access.ts).
 */
const correctionPolicy: Record<CorrectionPermission, CorrectionRule> = {
  proposeCorrection: { roles: ['editor', 'head'] },
  decideCorrection: { roles: ['head', 'planner'], notByProposer: true },
};

/** The organization whose indicator's result is corrected, and who proposed the correction in question. */
export interface CorrectionSubject extends OrganizationScope {
  proposedBy?: string | null;
}

/** Whether the rule's own-proposal condition keeps this actor from the permission. */
export function isOwnProposal(
  actor: Actor | null,
  permission: CorrectionPermission,
  subject: CorrectionSubject,
): boolean {
  return (
    correctionPolicy[permission].notByProposer === true &&
    actor !== null &&
    (subject.proposedBy ?? null) === actor.userId
  );
}

/** Whether the actor's roles on the organization are ones the rule names (its condition aside). */
export function correctionRolesMay(
  actor: Actor | null,
  permission: CorrectionPermission,
  subject: CorrectionSubject,
): boolean {
  return holdsAny(rolesReaching(actor, subject), correctionPolicy[permission].roles);
}

export function canCorrect(
  actor: Actor | null,
  permission: CorrectionPermission,
  subject: CorrectionSubject,
): boolean {
  return correctionRolesMay(actor, permission, subject) && !isOwnProposal(actor, permission, subject);
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
