import { type Actor, type Role, rolesReaching } from './roles';

/**
 * The policy table of what is done to a 部区's year as a whole: importing its sheets, its
 * consistency report, rolling it over to the next year. A 部区 not yet registered can be
 * created (by import) by 管理者 only.
 */
export const wardPermissions = [
  'import',
  'checkConsistency',
  'rollover',
  'setDeadlines',
  'setSheetDates',
  'reorganize',
] as const;
export type WardPermission = (typeof wardPermissions)[number];

export const wardPolicy: Record<WardPermission, readonly Role[]> = {
  import: ['admin', 'planner'],
  checkConsistency: ['admin', 'viewer', 'planner'],
  rollover: ['planner'],
  setDeadlines: ['planner'],
  /** The 作成日・修正日・評価日 of the 部区's year (see src/domain/sheet-dates.ts). */
  setSheetDates: ['planner'],
  reorganize: ['admin', 'planner'],
};

/** Roles that may import a 部区 the municipality does not have yet. */
export const newWardImporters: readonly Role[] = ['admin'];

export function canOnWard(
  actor: Actor | null,
  permission: WardPermission,
  ward: { municipalityId: string; wardId: string },
): boolean {
  const held = rolesReaching(actor, { ...ward, organizationId: ward.wardId });
  return wardPolicy[permission].some((role) => held.has(role));
}

/** `municipalityId`/`wardId` are null when the file names a municipality or 部区 not registered yet. */
export function canImport(
  actor: Actor | null,
  municipalityId: string | null,
  wardId: string | null,
): boolean {
  if (!actor) return false;
  if (municipalityId && wardId) return canOnWard(actor, 'import', { municipalityId, wardId });
  if (municipalityId && actor.municipalityId !== municipalityId) return false;
  return actor.grants.some((g) => newWardImporters.includes(g.role));
}

/** Whether the actor may import into some 部区 at all (checked before a file is even read). */
export function mayImportSomewhere(actor: Actor | null): boolean {
  return actor?.grants.some((g) => wardPolicy.import.includes(g.role)) ?? false;
}
