import {
  canOnMunicipality,
  type MunicipalityPermission,
  municipalityPolicy,
  systemAdminPermissions,
} from '../../../domain/municipality-policy';
import { type Actor, rolesInWords } from '../../../domain/roles';
import { AppError, signInNeeded } from '../../app-error';

/** Each permission in words: 「{what}のは{roles}です」. */
const municipalityPermissionLabels: Record<MunicipalityPermission, string> = {
  readEvaluationRule: '評価の基準を見られる',
  setEvaluationRule: '評価の基準を変更できる',
  readNominalDates: '作成日・修正日・評価日の既定の月日を見られる',
  setNominalDates: '作成日・修正日・評価日の既定の月日を変更できる',
  readLicence: '公開するデータのライセンスの設定を見られる',
  setLicence: '公開するデータのライセンスを変更できる',
  readSignInThrottles: 'ログインの制限を見られる',
  clearSignInThrottles: 'ログインの制限を解除できる',
  viewAllProgress: '全部区の進捗管理表を見られる',
  readMailSender: '通知メールの送信元の設定を見られる',
  setMailSender: '通知メールの送信元を変更できる',
  readUsers: 'ユーザーの一覧と記録を見られる',
  manageUsers: 'ユーザーを作成・変更できる',
  readSignOn: 'シングルサインオンの設定を見られる',
  setSignOn: 'シングルサインオンの設定を変更できる',
};

/**
 * Allow the permission on the municipality or say why not: 401 for the public, else 403 naming
 * who may. Every setting is the actor's own municipality's (no request names another).
 */
export function authorizeMunicipality(
  actor: Actor | null,
  permission: MunicipalityPermission,
  municipalityId: string,
): void {
  if (canOnMunicipality(actor, permission, municipalityId)) return;
  if (!actor) throw signInNeeded();
  const who = rolesInWords(municipalityPolicy[permission]);
  const alsoSystem = systemAdminPermissions.includes(permission) ? '・システム管理者' : '';
  throw new AppError('forbidden', `${municipalityPermissionLabels[permission]}のは${who}${alsoSystem}です。`);
}
