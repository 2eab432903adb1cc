import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { emailAddress } from '../../../schemas/auth';
import { issuesFromZod } from '../../../schemas/issues';
import { AppError } from '../../app-error';

/**
 * Give a user the address their 通知 are mailed to, or none (`null`: no mail). For users made
 * before addresses were kept, or whose address changed.
 */
export async function setEmail(db: Db, loginId: string, email: string | null): Promise<void> {
  const parsed = email === null ? null : emailAddress.safeParse(email.trim());
  if (parsed && !parsed.success) {
    throw new AppError(
      'invalid',
      'メールアドレスの形式が正しくありません。',
      issuesFromZod(parsed.error).map((issue) => ({ ...issue, path: 'email' })),
    );
  }
  const updated = await db
    .update(users)
    .set({ email: parsed ? parsed.data : null })
    .where(eq(users.loginId, loginId.trim()))
    .returning({ id: users.id });
  if (updated.length === 0) {
    throw new AppError('not_found', `ログインID「${loginId.trim()}」のユーザーは見つかりませんでした。`);
  }
}
