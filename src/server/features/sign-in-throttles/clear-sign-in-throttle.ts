import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { signInFailures, signInThrottleClearings } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { ClearSignInThrottle } from '../../../schemas/sign-in-throttles';
import { AppError } from '../../app-error';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { failuresInScope } from './list-sign-in-throttles';

/**
 * 管理者 forgets the failures of a login id at an address, of a login id everywhere, or of an
 * address on every login id (of the municipality), and the clearing is recorded: who, when,
 * what, how many. Nothing to clear is a 404 and writes nothing.
 */
export async function clearSignInThrottle(
  db: Db,
  {
    actor,
    by,
    now,
    target,
  }: { actor: Actor; by: { id: string; name: string }; now: Date; target: ClearSignInThrottle },
): Promise<number> {
  authorizeMunicipality(actor, 'clearSignInThrottles', actor.municipalityId);
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(signInFailures)
      .where(
        and(
          target.loginId === undefined ? undefined : eq(signInFailures.loginId, target.loginId),
          target.address === undefined ? undefined : eq(signInFailures.address, target.address),
          failuresInScope(tx, actor.municipalityId),
        ),
      )
      .returning({ id: signInFailures.id });
    if (deleted.length === 0) {
      throw new AppError('not_found', '解除するログインの失敗の記録がありません。', [
        { path: target.loginId === undefined ? 'address' : 'loginId', message: '失敗の記録がありません' },
      ]);
    }
    await tx.insert(signInThrottleClearings).values({
      loginId: target.loginId ?? null,
      address: target.address ?? null,
      failures: deleted.length,
      clearedBy: by.id,
      clearedByName: by.name,
      clearedAt: now,
    });
    return deleted.length;
  });
}
