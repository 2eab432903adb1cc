import { type Actor, grantsReaching, holdsAny, type Role, type RoleGrant, rolesReaching } from './roles';

/**
 * The policy table of what is done to a 部区's year as a whole: importing its sheets, its
 * consistency report, rolling it over to the next year, its deadlines and dates, reorganizing
 * its organizations. Services ask through `authorizeWard` (src/server/features/organizations/
 * ward-access.ts); the web evaluates the same table on the grants `/api/v1/auth/me` lists.
 */
export const wardPermissions = [
  'import',
  'importNewWard',
  'checkConsistency',
  'viewProgress',
  'rollover',
  'setDeadlines',
  'setSheetDates',
  'reorganize',
] as const;
export type WardPermission = (typeof wardPermissions)[number];

export const wardPolicy: Record<WardPermission, readonly Role[]> = {
  import: ['admin', 'planner'],
  /**
   * Importing a 部区 the municipality does not have yet (it is created): 管理者 only; a
   * municipality not registered yet, any 管理者.
   */
  importNewWard: ['admin'],
  checkConsistency: ['admin', 'viewer', 'planner'],
  /** 進捗管理表: every sheet's phase, the people responsible and who changed it last. */
  viewProgress: ['admin', 'viewer', 'planner'],
  rollover: ['planner'],
  setDeadlines: ['planner'],
  /** The 作成日・修正日・評価日 of the 部区's year (see src/domain/sheet-dates.ts). */
  setSheetDates: ['planner'],
  reorganize: ['admin', 'planner'],
};

/** A 部区 as policies see it. */
export interface WardScope {
  municipalityId: string;
  wardId: string;
}

/** Whether roles held on a 部区 give the permission there. */
export function wardRolesMay(permission: WardPermission, held: ReadonlySet<Role>): boolean {
  return holdsAny(held, wardPolicy[permission]);
}

/** The grants' roles that reach a 部区 (of the grants' own municipality). */
export function wardRolesOf(grants: Actor['grants'], wardId: string): Set<Role> {
  return grantsReaching(grants, { wardId, organizationId: wardId });
}

export function canOnWard(actor: Actor | null, permission: WardPermission, ward: WardScope): boolean {
  return wardRolesMay(permission, rolesReaching(actor, { ...ward, organizationId: ward.wardId }));
}

/** Where an import goes: `municipalityId`/`wardId` are null when the file names one not registered yet. */
export interface ImportTarget {
  municipalityId: string | null;
  wardId: string | null;
}

/** The permission an import into this target needs. */
export function importPermission(target: ImportTarget): WardPermission {
  return target.municipalityId && target.wardId ? 'import' : 'importNewWard';
}

/**
 * Whether the actor may import into this target. An import never registers a municipality: a file
 * naming one that is not registered is refused whoever sends it.
 */
export function canImport(actor: Actor | null, target: ImportTarget): boolean {
  if (!actor) return false;
  const { municipalityId, wardId } = target;
  if (!municipalityId) return false;
  if (municipalityId && wardId) return canOnWard(actor, 'import', { municipalityId, wardId });
  if (municipalityId && actor.municipalityId !== municipalityId) return false;
  return wardRolesMay('importNewWard', new Set(actor.grants.map((g) => g.role)));
}

/** Whether the actor may import into some 部区 at all (checked before a file is even read). */
export function mayImportSomewhere(grants: readonly Pick<RoleGrant, 'role'>[] | undefined): boolean {
  const held = new Set(grants?.map((g) => g.role));
  return wardRolesMay('import', held) || wardRolesMay('importNewWard', held);
}
