import { type Actor, holdsAny, type Role } from './roles';

/**
 * The policy table of what concerns a whole municipality (its evaluation rule, its nominal sheet
 * dates, the licence of its open data, the sign-in throttles of its login ids). Services ask through `authorizeMunicipality`
 * (src/server/features/organizations/municipality-access.ts); the web evaluates the same table
 * on the grants `/api/v1/auth/me` lists.
 */
export const municipalityPermissions = [
  'readEvaluationRule',
  'setEvaluationRule',
  'readNominalDates',
  'setNominalDates',
  'readLicence',
  'setLicence',
  'readSignInThrottles',
  'clearSignInThrottles',
  'viewAllProgress',
  'readUsers',
  'manageUsers',
  'readMailSender',
  'setMailSender',
  'readSignOn',
  'setSignOn',
] as const;
export type MunicipalityPermission = (typeof municipalityPermissions)[number];

export const municipalityPolicy: Record<MunicipalityPermission, readonly Role[]> = {
  readEvaluationRule: ['admin', 'viewer', 'planner', 'head', 'editor'],
  setEvaluationRule: ['admin'],
  readNominalDates: ['admin', 'viewer', 'planner', 'head', 'editor'],
  setNominalDates: ['admin'],
  /** The licence its publications state (the public reads it with them, not through this setting). */
  readLicence: ['admin', 'viewer', 'planner', 'head', 'editor'],
  setLicence: ['admin'],
  readSignInThrottles: ['admin'],
  clearSignInThrottles: ['admin'],
  /** The 進捗管理表 of every 部区 at once. */
  viewAllProgress: ['admin', 'viewer'],
  /** Its user accounts, their roles and their record (作成・停止・再開・役割・パスワードの再設定). */
  /** The From of its staff's 通知 mail. */
  readMailSender: ['admin'],
  setMailSender: ['admin'],
  readUsers: ['admin'],
  manageUsers: ['admin'],
  /** シングルサインオン: the provider, how staff are matched and given roles, whether passwords still work. */
  readSignOn: ['admin'],
  setSignOn: ['admin'],
};

/** What a システム管理者 may do in every municipality: its accounts, never its sheets or settings. */
export const systemAdminPermissions: readonly MunicipalityPermission[] = ['readUsers', 'manageUsers'];

/** Whether grants of the municipality give the permission there (every grant reaches its whole municipality's settings). */
export function municipalityGrantsMay(permission: MunicipalityPermission, grants: Actor['grants']): boolean {
  return holdsAny(new Set(grants.map((g) => g.role)), municipalityPolicy[permission]);
}

export function canOnMunicipality(
  actor: Actor | null,
  permission: MunicipalityPermission,
  municipalityId: string,
): boolean {
  if (actor?.systemAdmin && systemAdminPermissions.includes(permission)) return true;
  if (!actor || actor.municipalityId !== municipalityId) return false;
  return municipalityGrantsMay(permission, actor.grants);
}
