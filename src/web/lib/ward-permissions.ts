import { type MunicipalityPermission, municipalityPolicy } from '../../domain/municipality-policy';
import { type Role, roleReach } from '../../domain/roles';
import { type WardPermission, wardPolicy } from '../../domain/ward-policy';
import type { Me } from '../../schemas/auth';

/**
 * What the signed-in user may do with a 部区's year as a whole, or with the municipality, for
 * showing only the actions the API would allow. The tables are the server's own
 * (`wardPolicy`, `municipalityPolicy`), evaluated on the roles `/api/v1/auth/me` lists; the
 * API stays the judge (it answers 403 otherwise).
 */

type Grants = NonNullable<Me['user']>['roles'];

/** The roles of these grants that reach the 部区: municipality-wide ones, and 企画担当 of that 部区. */
function rolesOnWard(grants: Grants, wardId: string): Set<Role> {
  const held = new Set<Role>();
  for (const grant of grants) {
    const reach = roleReach[grant.role];
    if (reach === 'municipality' || (reach === 'ward' && grant.organizationId === wardId))
      held.add(grant.role);
  }
  return held;
}

export function canOnWard(me: Me | undefined, permission: WardPermission, wardId: string): boolean {
  const grants = me?.user?.roles ?? [];
  const held = rolesOnWard(grants, wardId);
  return wardPolicy[permission].some((role) => held.has(role));
}

export function canOnMunicipality(me: Me | undefined, permission: MunicipalityPermission): boolean {
  const grants = me?.user?.roles ?? [];
  return grants.some((grant) => municipalityPolicy[permission].includes(grant.role));
}
