import type { Actor } from './roles';

/**
 * The policy table of the installation itself, above every municipality: which municipalities
 * there are. Only a システム管理者 (`Actor.systemAdmin`) may; no role of a municipality reaches here.
 */
export const installationPermissions = ['listMunicipalities', 'createMunicipality'] as const;
export type InstallationPermission = (typeof installationPermissions)[number];

export function canOnInstallation(actor: Actor | null, _permission: InstallationPermission): boolean {
  return actor?.systemAdmin === true;
}
