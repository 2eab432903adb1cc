import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roleGrants, users } from '../../../db/schema';
import { AppError } from '../../app-error';
import { type SignedInUser, signedInUser } from '../auth/sessions';

/**
 * The user who started a job, with the grants they hold now: the job may run on another server
 * or after a restart, long after the request that started it. A user disabled since cannot.
 */
export async function loadJobOwner(db: Db, userId: string): Promise<SignedInUser> {
  const rows = await db
    .select({ user: users, grant: roleGrants })
    .from(users)
    .leftJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  const [first] = rows;
  if (!first)
    throw new AppError(
      'forbidden',
      'この処理を始めた職員のアカウントが無効になったため、処理を続けられません。',
    );
  return signedInUser(first.user, rows);
}
