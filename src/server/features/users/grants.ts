import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../../db/client';
import { organizations, roleGrants } from '../../../db/schema';
import { type Role, roleLabels, roleReach, roles } from '../../../domain/roles';
import type { FieldIssue } from '../../../schemas/issues';
import type { UserRole } from '../../../schemas/users';
import { AppError } from '../../app-error';

/** A role to grant as people name it: 企画担当 by its 部区, 所属長・担当者 by 部区 and organization. */
export interface NamedGrant {
  role: Role;
  ward?: string | null | undefined;
  organization?: string | null | undefined;
}

export interface ResolvedGrant {
  role: Role;
  organizationId: string | null;
}

/**
 * Each named grant as the organization it reaches, or a 400 naming every grant (`grants[i]`, or
 * under `path`) whose 部区 or organization is missing, unknown or not one. Writes nothing.
 */
export async function resolveGrants(
  db: Db | Tx,
  municipalityId: string,
  grants: readonly NamedGrant[],
  path = 'grants',
): Promise<ResolvedGrant[]> {
  const resolved: ResolvedGrant[] = [];
  const issues: FieldIssue[] = [];
  for (const [i, grant] of grants.entries()) {
    const reach = roleReach[grant.role];
    if (reach === 'municipality') {
      resolved.push({ role: grant.role, organizationId: null });
      continue;
    }
    const ward = grant.ward?.trim();
    const unit = grant.organization?.trim();
    if (!ward || (reach === 'organization' && !unit)) {
      issues.push({
        path: `${path}[${i}]`,
        message: `${roleLabels[grant.role]}には部区${reach === 'organization' ? 'と組織' : ''}を指定してください`,
      });
      continue;
    }
    const organizationId = await resolveOrganization(
      db,
      municipalityId,
      ward,
      reach === 'ward' ? null : unit,
    );
    if (!organizationId) {
      const name = reach === 'ward' ? ward : `${ward} ${unit}`;
      issues.push({
        path: `${path}[${i}]`,
        message: `「${name}」という組織が見つからないか、同じ名前の組織が複数あって一つに特定できません`,
      });
      continue;
    }
    resolved.push({ role: grant.role, organizationId });
  }
  if (issues.length > 0) {
    throw new AppError(
      'invalid',
      issues.length === 1 ? `${issues[0]?.message}。` : '役割の組織の指定に誤りがあります。',
      issues,
    );
  }
  // The same role on the same place twice is one grant.
  const seen = new Set<string>();
  return resolved.filter((g) => {
    const key = `${g.role}:${g.organizationId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The ward (name null) or the one organization of that name in the ward; null if none or several. */
async function resolveOrganization(
  db: Db | Tx,
  municipalityId: string,
  ward: string,
  name: string | null | undefined,
) {
  const [wardRow] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.municipalityId, municipalityId),
        eq(organizations.kind, 'ward'),
        eq(organizations.name, ward),
      ),
    );
  if (!wardRow || !name) return wardRow?.id ?? null;
  const units = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(eq(organizations.wardId, wardRow.id), eq(organizations.kind, 'unit'), eq(organizations.name, name)),
    );
  return units.length === 1 ? (units[0]?.id ?? null) : null;
}

/** A role and its place in words: 「担当者（北区 地域総務課）」「企画担当（北区）」「管理者」. */
function roleText(role: Role, ward: string | null, organization: string | null): string {
  const place = [ward, organization].filter((p) => p !== null).join(' ');
  return place ? `${roleLabels[role]}（${place}）` : roleLabels[role];
}

const roleOrder = (role: Role) => roles.indexOf(role);

/** Each user's roles with their places in words, in the order of `roles` then by place. */
export async function rolesOf(db: Db | Tx, userIds: readonly string[]): Promise<Map<string, UserRole[]>> {
  const out = new Map<string, UserRole[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const ward = alias(organizations, 'ward');
  const rows = await db
    .select({
      userId: roleGrants.userId,
      role: roleGrants.role,
      kind: organizations.kind,
      name: organizations.name,
      ward: ward.name,
    })
    .from(roleGrants)
    .leftJoin(organizations, eq(organizations.id, roleGrants.organizationId))
    .leftJoin(ward, eq(ward.id, organizations.wardId))
    .where(inArray(roleGrants.userId, [...userIds]))
    .orderBy(asc(ward.name), asc(organizations.name));
  for (const row of rows) {
    const wardName = row.ward ?? null;
    const organization = row.kind === 'unit' ? row.name : null;
    out.get(row.userId)?.push({
      role: row.role,
      label: roleLabels[row.role],
      ward: wardName,
      organization,
      text: roleText(row.role, wardName, organization),
    });
  }
  for (const list of out.values()) list.sort((a, b) => roleOrder(a.role) - roleOrder(b.role));
  return out;
}

/** A named grant in words, as far as its role reaches (a 管理者's 部区 is not its place). */
export function namedGrantText(grant: NamedGrant): string {
  const reach = roleReach[grant.role];
  if (reach === 'municipality') return roleText(grant.role, null, null);
  return roleText(
    grant.role,
    grant.ward ?? null,
    reach === 'organization' ? (grant.organization ?? null) : null,
  );
}
