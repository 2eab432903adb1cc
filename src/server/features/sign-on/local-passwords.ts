import type { Db } from '../../../db/client';
import type { users } from '../../../db/schema';
import { AppError } from '../../app-error';
import { localPasswordsAllowed } from './sign-on-config';

/**
 * A password sign-in of a municipality whose 管理者 turned passwords off is refused (after the
 * password was checked, so a wrong one is told nothing more). A システム管理者 may always sign
 * in with a password: nobody is locked out when the provider is down or misconfigured.
 */
export async function refusePasswordWhereTurnedOff(db: Db, user: typeof users.$inferSelect): Promise<void> {
  if (user.systemAdmin || (await localPasswordsAllowed(db, user.municipalityId))) return;
  throw new AppError(
    'forbidden',
    'この自治体では、パスワードでのログインは使えません。ログインの画面の「…のアカウントでログイン」のボタンから、職員のアカウントでログインしてください。',
  );
}
