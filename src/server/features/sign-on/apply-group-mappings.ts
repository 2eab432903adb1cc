import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { organizations, roleGrants, userChanges, type users } from '../../../db/schema';
import { type RoleGrant, roleLabels } from '../../../domain/roles';
import { placesOf, type SignOnConfig } from './sign-on-config';

/** The groups claim as a list of names: an array of strings, or one string. */
function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
  return [];
}

const grantKey = (g: RoleGrant) => `${g.role}:${g.organizationId ?? ''}`;

/**
 * The roles the user's groups map to, as the user's roles from now on: at each sign-on the
 * provider's groups decide (a group left is a role taken away). A change is recorded in
 * `user_changes` with the roles before and after; the same roles again write nothing. A
 * mapping whose organization is gone (a reorganization) gives nothing.
 */
export async function applyGroupMappings(
  db: Db,
  config: SignOnConfig,
  user: typeof users.$inferSelect,
  claim: unknown,
): Promise<void> {
  const groups = new Set(groupsOf(claim));
  const mapped = config.groupMappings.filter((m) => groups.has(m.group));
  const organizationIds = [...new Set(mapped.flatMap((m) => (m.organizationId ? [m.organizationId] : [])))];
  const existing =
    organizationIds.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .select({ id: organizations.id })
              .from(organizations)
              .where(
                and(
                  eq(organizations.municipalityId, config.municipalityId),
                  inArray(organizations.id, organizationIds),
                ),
              )
          ).map((r) => r.id),
        );
  const wanted = new Map<string, RoleGrant>();
  for (const m of mapped) {
    if (m.organizationId && !existing.has(m.organizationId)) continue;
    const grant = { role: m.role, organizationId: m.organizationId };
    wanted.set(grantKey(grant), grant);
  }
  await db.transaction(async (tx) => {
    const held = await tx
      .select({ role: roleGrants.role, organizationId: roleGrants.organizationId })
      .from(roleGrants)
      .where(eq(roleGrants.userId, user.id));
    const before = [...new Map(held.map((g) => [grantKey(g), g])).keys()].sort();
    const after = [...wanted.keys()].sort();
    if (before.join('|') === after.join('|')) return;
    await tx.delete(roleGrants).where(eq(roleGrants.userId, user.id));
    if (wanted.size > 0) {
      await tx.insert(roleGrants).values([...wanted.values()].map((g) => ({ ...g, userId: user.id })));
    }
    // The record's shape of an edit (src/domain/user-changes.ts): roles in words, before and after.
    const places = await placesOf(tx, user.municipalityId, [...held, ...wanted.values()]);
    const words = (grants: readonly RoleGrant[]) =>
      grants.map((g) => {
        const place = g.organizationId ? places.get(g.organizationId) : undefined;
        const where = place ? [place.ward, place.organization].filter(Boolean).join(' ') : '';
        return where ? `${roleLabels[g.role]}（${where}）` : roleLabels[g.role];
      });
    await tx.insert(userChanges).values({
      userId: user.id,
      municipalityId: user.municipalityId,
      action: 'updated',
      detail: {
        changes: [{ field: 'roles', before: words(held), after: words([...wanted.values()]) }],
        via: 'sign-on',
        groups: [...groups].sort(),
      },
      changedBy: null,
      changedByName: `シングルサインオン（${config.providerName}）`,
    });
  });
}
