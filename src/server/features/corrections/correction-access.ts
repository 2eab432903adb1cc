import {
  type CorrectionPermission,
  type CorrectionSubject,
  canCorrect,
  correctionRolesMay,
  isOwnProposal,
} from '../../../domain/result-correction';
import type { Actor } from '../../../domain/roles';
import { AppError, signInNeeded } from '../../app-error';

/** Each permission in words: who may, and why one's own proposal is refused. */
const correctionPermissionLabels: Record<CorrectionPermission, { whoMay: string; ownProposal?: string }> = {
  proposeCorrection: { whoMay: '実績の訂正を申請できるのは、その組織の担当者・所属長です。' },
  decideCorrection: {
    whoMay: '実績の訂正の承認・差戻しができるのは、その組織の所属長と部区の企画担当です。',
    ownProposal: '自分が申請した訂正は、承認も差戻しもできません。所属長または企画担当が判断します。',
  },
};

/** Allow the permission on the organization's result (and the proposal in question) or say why not. */
export function authorizeCorrection(
  actor: Actor | null,
  permission: CorrectionPermission,
  subject: CorrectionSubject,
): void {
  if (canCorrect(actor, permission, subject)) return;
  if (!actor) throw signInNeeded();
  const label = correctionPermissionLabels[permission];
  if (
    label.ownProposal &&
    correctionRolesMay(actor, permission, subject) &&
    isOwnProposal(actor, permission, subject)
  ) {
    throw new AppError('forbidden', label.ownProposal);
  }
  throw new AppError('forbidden', label.whoMay);
}
