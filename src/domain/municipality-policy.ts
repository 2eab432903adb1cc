import type { Actor, Role } from './roles';

/**
 * The policy table of what concerns a whole municipality (its evaluation rule, its nominal sheet
 * dates, the sign-in throttles of its login ids).
 */
export const municipalityPermissions = [
  'readEvaluationRule',
  'setEvaluationRule',
  'readNominalDates',
  'setNominalDates',
  'readSignInThrottles',
  'clearSignInThrottles',
] as const;
export type MunicipalityPermission = (typeof municipalityPermissions)[number];

export const municipalityPolicy: Record<MunicipalityPermission, readonly Role[]> = {
  readEvaluationRule: ['admin', 'viewer', 'planner', 'head', 'editor'],
  setEvaluationRule: ['admin'],
  readNominalDates: ['admin', 'viewer', 'planner', 'head', 'editor'],
  setNominalDates: ['admin'],
  readSignInThrottles: ['admin'],
  clearSignInThrottles: ['admin'],
};

export function canOnMunicipality(
  actor: Actor | null,
  permission: MunicipalityPermission,
  municipalityId: string,
): boolean {
  if (!actor || actor.municipalityId !== municipalityId) return false;
  return actor.grants.some((g) => municipalityPolicy[permission].includes(g.role));
}
