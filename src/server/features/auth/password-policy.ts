import { passwordProblems } from '../../../domain/password-policy';
import type { FieldIssue } from '../../../schemas/issues';
import { commonPasswords } from './common-passwords';

/** Why a new password is not allowed, as issues of the field `password` (none when it is). */
export async function passwordIssues(
  password: string,
  context: { loginId?: string } = {},
): Promise<FieldIssue[]> {
  const common = await commonPasswords();
  return passwordProblems(password, { ...context, isCommon: (p) => common.has(p) }).map((message) => ({
    path: 'password',
    message,
  }));
}
