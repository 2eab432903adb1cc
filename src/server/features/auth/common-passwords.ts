/**
 * The list of common passwords bundled with @zxcvbn-ts/language-common (49,233 lower-case
 * entries, the most used passwords of public breach corpora). It costs about 40 ms and 5 MB to
 * load, so it is imported on first use — when a password is set, never at start-up or sign-in.
 */
let loading: Promise<ReadonlySet<string>> | undefined;

export function commonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return loading;
}
