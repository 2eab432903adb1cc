import { randomInt } from 'node:crypto';
import { passwordIssues } from '../auth/password-policy';

/** Letters and digits no one misreads on a screen or a note (no 0/O, 1/l/I). */
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A temporary password (仮パスワード) for a 管理者 to hand over: four groups of four, about 79
 * bits, that passes the password policy for this login id. Shown once; the user must change it.
 */
export async function temporaryPassword(loginId: string): Promise<string> {
  for (;;) {
    const groups = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join(''),
    );
    const password = groups.join('-');
    if ((await passwordIssues(password, { loginId })).length === 0) return password;
  }
}
