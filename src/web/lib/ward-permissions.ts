import {
  type MunicipalityPermission,
  municipalityGrantsMay,
  systemAdminPermissions,
} from '../../domain/municipality-policy';
import { type WardPermission, wardRolesMay, wardRolesOf } from '../../domain/ward-policy';
import type { Me } from '../../schemas/auth';

/**
 * What the signed-in user may do with a 部区's year as a whole, or with the municipality, for
 * showing only the actions the API would allow: the server's own policy functions, evaluated
 * on the grants `/api/v1/auth/me` lists (all of the user's own municipality). The API stays the
 * judge (it answers 403 otherwise).
 */
export function canOnWard(
  me: Me | undefined,
  permission: WardPermission,
  ward: { id: string; municipality: string },
): boolean {
  // Every grant is of the user's own municipality: none reaches another's 部区.
  if (me?.user?.municipality !== ward.municipality) return false;
  return wardRolesMay(permission, wardRolesOf(me.user.roles, ward.id));
}

export function canOnMunicipality(me: Me | undefined, permission: MunicipalityPermission): boolean {
  if (me?.user?.systemAdmin && systemAdminPermissions.includes(permission)) return true;
  return municipalityGrantsMay(permission, me?.user?.roles ?? []);
}
