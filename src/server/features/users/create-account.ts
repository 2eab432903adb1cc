import type { Db } from '../../../db/client';
import type { Actor } from '../../../domain/roles';
import type { NewUserInput, UserWithPassword } from '../../../schemas/users';
import { newUserSchema } from '../../../schemas/users';
import { createUser } from './create-user';
import { userDetail } from './list-users';
import type { ChangedBy } from './record-user-change';
import { temporaryPassword } from './temporary-password';
import { usersMunicipality } from './user-access';

/**
 * A 管理者 (or a システム管理者) creates an account in the browser: in the actor's own
 * municipality unless a システム管理者 names another. Without a password a temporary one is
 * made; either way a temporary password must be changed at first sign-in unless told otherwise.
 */
export async function createAccount(
  db: Db,
  {
    actor,
    by,
    municipality: municipalityName,
    input: given,
  }: { actor: Actor; by: ChangedBy; municipality: string | undefined; input: NewUserInput },
): Promise<UserWithPassword> {
  const input = newUserSchema.parse(given);
  const municipality = await usersMunicipality(db, actor, municipalityName, 'manageUsers');
  const generated = input.password === undefined ? await temporaryPassword(input.loginId) : null;
  const { id } = await createUser(db, {
    municipality: municipality.name,
    loginId: input.loginId,
    displayName: input.displayName,
    ...(input.email ? { email: input.email } : {}),
    password: generated ?? input.password ?? '',
    grants: input.grants,
    mustChangePassword: generated !== null || input.mustChangePassword,
    by,
  });
  return { detail: await userDetail(db, actor, id), temporaryPassword: generated };
}
