/**
 * Who may do what is decided by roles granted on organizations. 管理者 and 閲覧者 reach the
 * whole municipality, 企画担当 a 部区, 所属長 and 担当者 their own organization. The public (no
 * sign-in) has no grants at all.
 */
export const roles = ['admin', 'planner', 'head', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '管理者',
  planner: '企画担当',
  head: '所属長',
  editor: '担当者',
  viewer: '閲覧者',
};

/** What a grant's organization means for each role. */
export const roleReach: Record<Role, 'municipality' | 'ward' | 'organization'> = {
  admin: 'municipality',
  viewer: 'municipality',
  planner: 'ward',
  head: 'organization',
  editor: 'organization',
};

export interface RoleGrant {
  role: Role;
  /** The 部区 for 企画担当, the organization for 所属長/担当者, null for municipality-wide roles. */
  organizationId: string | null;
}

/** A signed-in user as policies see them; `null` is the public. */
export interface Actor {
  userId: string;
  municipalityId: string;
  grants: RoleGrant[];
  /** システム管理者 of the installation: municipalities and their users, not their sheets. */
  systemAdmin?: boolean;
}

/** Where a thing sits, for deciding whether a grant reaches it. */
export interface OrganizationScope {
  municipalityId: string;
  wardId: string;
  organizationId: string;
}

/** The roles of these grants that reach a place, whatever its municipality (the caller checks that). */
export function grantsReaching(
  grants: readonly RoleGrant[],
  place: Pick<OrganizationScope, 'wardId' | 'organizationId'>,
): Set<Role> {
  const held = new Set<Role>();
  for (const grant of grants) {
    const reach = roleReach[grant.role];
    if (
      reach === 'municipality' ||
      (reach === 'ward' && grant.organizationId === place.wardId) ||
      (reach === 'organization' && grant.organizationId === place.organizationId)
    ) {
      held.add(grant.role);
    }
  }
  return held;
}

/** The roles the actor holds that reach this scope: none outside the actor's municipality. */
export function rolesReaching(actor: Actor | null, scope: OrganizationScope): Set<Role> {
  if (!actor || actor.municipalityId !== scope.municipalityId) return new Set();
  return grantsReaching(actor.grants, scope);
}

/** Whether any role held is one the rule names. */
export function holdsAny(held: ReadonlySet<Role>, allowed: readonly Role[]): boolean {
  return allowed.some((role) => held.has(role));
}

/** The order roles are named in a sentence: the narrowest reach first (担当者 … 管理者). */
const mentionOrder: readonly Role[] = ['editor', 'head', 'planner', 'viewer', 'admin'];

/** The roles in words, for messages: 「企画担当・管理者」. */
export function rolesInWords(allowed: readonly Role[]): string {
  return mentionOrder
    .filter((role) => allowed.includes(role))
    .map((role) => roleLabels[role])
    .join('・');
}
