/**
 * What a new password must be (NIST SP 800-63B's rules, no composition rules): long enough,
 * not a commonly used one, not the login id. A passphrase — words joined by spaces, in any
 * script — is welcome and the easiest way to a long password. Pure: the list of common
 * passwords is handed in (the server loads it lazily, see common-passwords.ts).
 */

const passwordMinLength = 12;
const passwordMaxLength = 200;

/** The password as it is hashed and compared (src/server/features/auth/password.ts uses NFKC too). */
function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Characters as people count them (a kanji with a surrogate pair is one). */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

/** The forms of a password that are looked up in the common list (lower case; spaces dropped; digits and symbols around a word dropped). */
export function commonPasswordCandidates(password: string): string[] {
  const lower = normalizePassword(password).toLowerCase();
  const forms = new Set<string>();
  for (const base of [lower, lower.replace(/\s+/gu, '')]) {
    forms.add(base);
    forms.add(base.replace(/[^\p{L}]+$/u, ''));
    forms.add(base.replace(/^[^\p{L}]+/u, ''));
    forms.add(base.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''));
    // "dragondragon", "abcabcabcabc": a repeated unit is as weak as the unit.
    const unit = /^(.+?)\1+$/u.exec(base)?.[1];
    if (unit) forms.add(unit);
  }
  forms.delete('');
  return [...forms];
}

/** A password made of one short unit repeated ("aaaaaaaaaaaa", "abababababab", "123412341234"). */
function isRepetition(password: string): boolean {
  const unit = /^(.+?)\1+$/u.exec(normalizePassword(password))?.[1];
  return unit !== undefined && [...unit].length <= 4;
}

/**
 * Why this password may not be used (messages for the field `password`), or none.
 * `isCommon` says whether a lower-case form is in the list of common passwords.
 */
export function passwordProblems(
  password: string,
  context: { loginId?: string; isCommon: (candidate: string) => boolean },
): string[] {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < passwordMinLength) {
    problems.push(
      `${passwordMinLength}文字以上にしてください（今は${length}文字です）。単語をいくつか空白でつないだ文（パスフレーズ）も使えます`,
    );
  }
  if (length > passwordMaxLength) problems.push(`${passwordMaxLength}文字以内にしてください`);
  if (isRepetition(password)) {
    problems.push('同じ文字や短い並びを繰り返しただけのパスワードは使えません');
  } else if (commonPasswordCandidates(password).some(context.isCommon)) {
    problems.push('よく使われていて推測されやすいパスワードです。別のパスワードにしてください');
  }
  const loginId = context.loginId?.trim().toLowerCase();
  if (loginId && loginId.length >= 3 && normalizePassword(password).toLowerCase().includes(loginId)) {
    problems.push('ログインIDを含まないパスワードにしてください');
  }
  return problems;
}
