import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { municipalities, users } from '../../../db/schema';
import { canOnMunicipality } from '../../../domain/municipality-policy';
import type { Actor } from '../../../domain/roles';
import { AppError, signInNeeded } from '../../app-error';
import { authorizeMunicipality } from '../organizations/municipality-access';

export type UsersPermission = 'readUsers' | 'manageUsers';

export interface MunicipalityRef {
  id: string;
  name: string;
}

/**
 * Allow the permission on the municipality's users or say why not. A 管理者 of another
 * municipality hears that these are not their municipality's users rather than who may.
 */
function authorizeUsers(actor: Actor | null, permission: UsersPermission, municipality: MunicipalityRef) {
  if (canOnMunicipality(actor, permission, municipality.id)) return;
  if (
    actor &&
    actor.municipalityId !== municipality.id &&
    canOnMunicipality(actor, permission, actor.municipalityId)
  ) {
    throw new AppError(
      'forbidden',
      `${municipality.name}のユーザーは扱えません。管理者が扱えるのは自分の自治体のユーザーだけです（ほかの自治体はシステム管理者が扱います）。`,
    );
  }
  authorizeMunicipality(actor, permission, municipality.id);
}

/**
 * The municipality whose users are asked for (`?municipality=`, else the actor's own), once the
 * actor may. An unknown name is a 400 on the parameter, told only to those who could ask.
 */
export async function usersMunicipality(
  db: Db,
  actor: Actor | null,
  name: string | undefined,
  permission: UsersPermission,
): Promise<MunicipalityRef> {
  if (!actor) throw signInNeeded();
  const [row] = await db
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(name === undefined ? eq(municipalities.id, actor.municipalityId) : eq(municipalities.name, name));
  if (!row) {
    // Whoever could ask about some municipality learns it is not registered; others why not.
    authorizeMunicipality(actor, permission, actor.municipalityId);
    throw new AppError('invalid', `自治体「${name}」は登録されていません。`, [
      { path: 'municipality', message: '登録されていない自治体です' },
    ]);
  }
  authorizeUsers(actor, permission, row);
  return row;
}

/** The user behind the id, once the actor may act on their municipality's users (else 404/403). */
export async function userInReach(
  db: Db | Tx,
  actor: Actor | null,
  userId: string,
  permission: UsersPermission,
  { lock = false }: { lock?: boolean } = {},
) {
  if (!actor) throw signInNeeded();
  const query = db
    .select({ user: users, municipality: { id: municipalities.id, name: municipalities.name } })
    .from(users)
    .innerJoin(municipalities, eq(municipalities.id, users.municipalityId))
    .where(eq(users.id, userId));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  if (!row) {
    authorizeMunicipality(actor, permission, actor.municipalityId);
    throw new AppError('not_found', 'そのユーザーは見つかりませんでした。');
  }
  authorizeUsers(actor, permission, row.municipality);
  // A システム管理者's account is theirs alone to change: a 管理者 could otherwise take it over.
  if (permission === 'manageUsers' && row.user.systemAdmin && !actor.systemAdmin) {
    throw new AppError('forbidden', 'システム管理者のユーザーを変更できるのはシステム管理者だけです。');
  }
  return row;
}
