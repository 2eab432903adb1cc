import { type Actor, type OrganizationScope, type Role, rolesReaching } from './roles';

/**
 * The interchange feature's policy table. Importing replaces a 部区's sheets of a year, so it
 * belongs to the 部区's 企画担当 and to 管理者; a 部区 not yet known can be created by 管理者 only.
 */
export const interchangePermissions = ['import'] as const;
export type InterchangePermission = (typeof interchangePermissions)[number];

export const interchangePolicy: Record<
  InterchangePermission,
  { existingWard: readonly Role[]; newWard: readonly Role[] }
> = {
  import: { existingWard: ['admin', 'planner'], newWard: ['admin'] },
};

/** `ward` is the 部区 the file names, or null when the municipality has no such 部区 yet. */
export function canImport(
  actor: Actor | null,
  municipalityId: string | null,
  wardId: string | null,
): boolean {
  if (!actor) return false;
  if (!municipalityId || !wardId) {
    return (
      actor.grants.some((g) => interchangePolicy.import.newWard.includes(g.role)) &&
      (!municipalityId || actor.municipalityId === municipalityId)
    );
  }
  const scope: OrganizationScope = { municipalityId, wardId, organizationId: wardId };
  const held = rolesReaching(actor, scope);
  return interchangePolicy.import.existingWard.some((role) => held.has(role));
}
