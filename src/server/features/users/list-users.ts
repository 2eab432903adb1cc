import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { userChanges, users } from '../../../db/schema';
import { canOnMunicipality } from '../../../domain/municipality-policy';
import type { Actor } from '../../../domain/roles';
import { describeUserChange, userChangeLabels } from '../../../domain/user-changes';
import type { UserDetail, UserList, UserSummary } from '../../../schemas/users';
import { rolesOf } from './grants';
import { type MunicipalityRef, userInReach, usersMunicipality } from './user-access';

type UserRow = typeof users.$inferSelect;

function summaryOf(user: UserRow, roles: UserSummary['roles']): UserSummary {
  return {
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    email: user.email,
    roles,
    disabled: user.disabled,
    mustChangePassword: user.mustChangePassword,
    systemAdmin: user.systemAdmin,
    lastSignedInAt: user.lastSignedInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}

const permissionsOf = (actor: Actor, municipality: MunicipalityRef) => ({
  manageUsers: canOnMunicipality(actor, 'manageUsers', municipality.id),
});

/** ユーザー管理's list: every user of the municipality (`?municipality=`, else the actor's), by login id. */
export async function listUsers(db: Db, actor: Actor | null, municipalityName?: string): Promise<UserList> {
  const municipality = await usersMunicipality(db, actor, municipalityName, 'readUsers');
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.municipalityId, municipality.id))
    .orderBy(asc(users.loginId));
  const roles = await rolesOf(
    db,
    rows.map((u) => u.id),
  );
  return {
    municipality: municipality.name,
    users: rows.map((u) => summaryOf(u, roles.get(u.id) ?? [])),
    // Only those who may read get here, so an actor is there.
    permissions: permissionsOf(actor as Actor, municipality),
  };
}

/** One user with their record, newest first. */
export async function userDetail(db: Db | Tx, actor: Actor | null, userId: string): Promise<UserDetail> {
  const { user, municipality } = await userInReach(db, actor, userId, 'readUsers');
  const roles = await rolesOf(db, [user.id]);
  const changes = await db
    .select()
    .from(userChanges)
    .where(eq(userChanges.userId, user.id))
    .orderBy(desc(userChanges.id));
  return {
    municipality: municipality.name,
    user: summaryOf(user, roles.get(user.id) ?? []),
    lastChangeId: changes[0]?.id ?? null,
    changes: changes.map((change) => {
      const action = change.action as keyof typeof userChangeLabels;
      return {
        id: change.id,
        action,
        label: userChangeLabels[action] ?? change.action,
        description: describeUserChange(action, change.detail),
        by: change.changedByName,
        at: change.changedAt.toISOString(),
      };
    }),
    permissions: permissionsOf(actor as Actor, municipality),
  };
}
