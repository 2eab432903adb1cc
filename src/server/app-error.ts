import type { FieldIssue } from '../schemas/issues';

/** The short list of ways a request can fail, each with one HTTP status. */
export const errorStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  /** Signed in with a temporary password: only the password change is open (the web goes there). */
  password_change_required: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof errorStatus;

/** The one error type of the app: a code, a message for a Japanese user, and per-field issues. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, issues: this.issues, details: this.details } };
  }
}

/** The refusal of a request that needs a signed-in user, in the same words wherever it is made. */
export function signInNeeded(what = 'この操作'): AppError {
  return new AppError(
    'unauthenticated',
    `${what}にはログインが必要です。ログインしてからもう一度お試しください。`,
  );
}
