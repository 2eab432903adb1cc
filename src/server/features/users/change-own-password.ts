import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { FieldIssue } from '../../../schemas/issues';
import type { PasswordChange } from '../../../schemas/users';
import { AppError } from '../../app-error';
import { hashPassword, verifyPassword } from '../auth/password';
import { passwordIssues } from '../auth/password-policy';
import { endSessionsOf, type SignedInUser } from '../auth/sessions';
import { defaultSignInOptions, type SignInOptions, throttledPasswordCheck } from '../auth/sign-in';
import { recordUserChange } from './record-user-change';

/**
 * The signed-in user changes their own password: the current one must be right (checked under
 * the sign-in throttle: a wrong one counts as a failed sign-in of the login id from this address)
 * and the new one follow the policy (each reason on its field). A temporary password's must-change ends; the
 * user's other sessions end, this browser's stays. Recorded, never the password.
 */
export async function changeOwnPassword(
  db: Db,
  {
    user,
    change,
    sessionToken,
    address,
  }: { user: SignedInUser; change: PasswordChange; sessionToken: string | undefined; address: string },
  signInOptions: SignInOptions = defaultSignInOptions,
): Promise<void> {
  const [row] = await db.select().from(users).where(eq(users.id, user.id));
  if (!row) throw new AppError('not_found', 'ユーザーが見つかりませんでした。');
  const issues: FieldIssue[] = [];
  // Guessing the current password is slowed like guessing it at sign-in, and counts with it.
  const right = await throttledPasswordCheck(
    db,
    { loginId: row.loginId, address },
    async () => ((await verifyPassword(change.currentPassword, row.passwordHash)) ? true : null),
    signInOptions,
  );
  if (!right) {
    issues.push({ path: 'currentPassword', message: '今のパスワードが正しくありません' });
  }
  for (const issue of await passwordIssues(change.newPassword, { loginId: row.loginId })) {
    issues.push({ ...issue, path: 'newPassword' });
  }
  if (change.newPassword.normalize('NFKC') === change.currentPassword.normalize('NFKC')) {
    issues.push({ path: 'newPassword', message: '今のパスワードとは違うパスワードにしてください' });
  }
  if (issues.length > 0) throw new AppError('invalid', 'パスワードを変更できませんでした。', issues);
  const passwordHash = await hashPassword(change.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, user.id));
    const sessionsEnded = await endSessionsOf(tx, user.id, sessionToken ? { except: sessionToken } : {});
    await recordUserChange(tx, {
      userId: user.id,
      municipalityId: row.municipalityId,
      action: 'password_changed',
      detail: { temporary: row.mustChangePassword, sessionsEnded },
      by: { id: user.id, name: user.displayName },
    });
  });
}
