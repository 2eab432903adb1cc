import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { organizations, sheets } from '../../../db/schema';
import { type Actor, rolesReaching } from '../../../domain/roles';
import {
  can,
  isOwnWork,
  type OwnWork,
  type SheetPermission,
  type SheetPolicySubject,
  sheetPolicy,
} from '../../../domain/sheet-policy';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import { AppError, signInNeeded } from '../../app-error';

export type SheetRow = typeof sheets.$inferSelect;

const permissionLabels: Record<SheetPermission, string> = {
  read: '閲覧',
  readHistory: '履歴の閲覧',
  edit: '編集',
  submit: '提出',
  approve: '承認',
  return: '差戻し',
  proposeRevision: '目標の修正の申請',
  decideRevision: '目標の修正の承認',
  submitEvaluation: '評価の提出',
  approveEvaluation: '評価の承認',
  confirmEvaluation: '評価の確定',
  publish: '公開',
  reopen: '再開',
  setDates: '作成日・修正日・評価日の設定',
  comment: 'コメント',
  remind: '督促',
};

/** What one's own work is called when the policy's own-work condition refuses a decision on it. */
const ownWorkLabels: Record<OwnWork, string> = {
  submittedBy: '自分が提出したもの',
  proposedBy: '自分が申請した目標の修正',
};

/** A sheet row with what its policy needs (the municipality comes from its ward). */
export async function loadSheetSubject(
  db: Db | Tx,
  sheetId: string,
): Promise<{ sheet: SheetRow; subject: SheetPolicySubject }> {
  const [row] = await db
    .select({ sheet: sheets, municipalityId: organizations.municipalityId })
    .from(sheets)
    .innerJoin(organizations, eq(sheets.wardId, organizations.id))
    .where(eq(sheets.id, sheetId));
  if (!row) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  return { sheet: row.sheet, subject: subjectOf(row.sheet, row.municipalityId) };
}

export function subjectOf(sheet: SheetRow, municipalityId: string): SheetPolicySubject {
  return {
    municipalityId,
    wardId: sheet.wardId,
    organizationId: sheet.organizationId,
    status: sheet.status,
    submittedBy: sheet.submittedBy,
  };
}

/**
 * Allow the permission or say why not: a sheet the actor may not read does not exist for
 * them (404); a role that could do this in another state gets the state (409); else 403.
 */
export function authorize(
  actor: Actor | null,
  permission: SheetPermission,
  subject: SheetPolicySubject,
): void {
  if (can(actor, permission, subject)) return;
  if (!can(actor, 'read', subject)) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  const rule = sheetPolicy[permission];
  const held = [...rolesReaching(actor, subject)];
  if (
    rule.notBy &&
    isOwnWork(actor, permission, subject) &&
    held.some((r) => rule.grants[r]?.includes(subject.status))
  ) {
    throw new AppError(
      'forbidden',
      `${ownWorkLabels[rule.notBy]}は承認できません。別の所属長が承認してください。`,
    );
  }
  if (held.some((role) => rule.grants[role] !== undefined)) {
    throw new AppError(
      'conflict',
      `このシートは現在「${sheetStatusLabels[subject.status]}」のため、${permissionLabels[permission]}はできません。`,
    );
  }
  if (!actor) throw signInNeeded();
  throw new AppError('forbidden', `このシートの${permissionLabels[permission]}を行う権限がありません。`);
}
