/**
 * Throttling of failed sign-ins that slows guessing and never locks anyone out. Pure: counts
 * and times in, a decision out; the server reads the counts from `sign_in_failures`.
 *
 * Three rules, each over the failures of its own window (`windowMs`):
 * - **one login id from one address** (the person, or the attacker, at that machine): the first
 *   `free` failures cost nothing, then the next attempt must wait 1 s, 2 s, 4 s … (capped).
 *   Asked earlier, the server answers 429 with the moment to retry, without checking anything.
 * - **one login id from every address** (an attack spread over many machines): every attempt
 *   on that login id waits a little on the server before the password is checked (gentle,
 *   capped), and is then checked: the right password from another address always gets in.
 * - **one address on many login ids** (spraying a list of ids from one machine): attempts from
 *   that address wait a little before checking, capped. Other people behind the same address
 *   (a city office behind one NAT address) are slowed at most this much, never refused.
 */

export interface SignInThrottleParams {
  /**
   * One login id from one address: refused (429) until the delay after the last failure has
   * passed. The window is long so that guessing at the pace allowed reaches the cap; a success
   * from that address (or a 管理者) clears it.
   */
  loginAddress: { windowMs: number; free: number; firstDelayMs: number; maxDelayMs: number };
  /** One login id from all addresses: a wait before checking, growing by `stepMs` per failure past `free`. */
  login: { windowMs: number; free: number; stepMs: number; maxDelayMs: number };
  /** One address on many login ids (distinct ids that failed): a wait before checking, likewise. */
  address: { windowMs: number; freeLogins: number; stepMs: number; maxDelayMs: number };
}

const hour = 60 * 60 * 1000;

export const defaultSignInThrottle: SignInThrottleParams = {
  loginAddress: { windowMs: 24 * hour, free: 3, firstDelayMs: 1000, maxDelayMs: 5 * 60 * 1000 },
  login: { windowMs: hour, free: 10, stepMs: 100, maxDelayMs: 2000 },
  address: { windowMs: hour, freeLogins: 20, stepMs: 100, maxDelayMs: 2000 },
};

/** How far back any rule looks. */
export function longestWindowMs(params: SignInThrottleParams): number {
  return Math.max(params.loginAddress.windowMs, params.login.windowMs, params.address.windowMs);
}

/** What the server knows of recent failures (each within its rule's window) when an attempt arrives. */
export interface SignInFailureCounts {
  /** Failures of this login id from this address, and when the last one was. */
  loginAddress: { failures: number; lastFailureAt: Date | null };
  /** Failures of this login id from other addresses. */
  loginElsewhere: number;
  /** Distinct login ids that failed from this address. */
  addressLogins: number;
}

export type SignInDecision =
  | { allowed: true /** Wait this long before checking the password. */; delayMs: number }
  | { allowed: false; retryAt: Date; retryAfterSeconds: number };

/** The wait after `failures` failures of one login id from one address (0 for the first `free`). */
export function loginAddressDelayMs(failures: number, params: SignInThrottleParams): number {
  const { free, firstDelayMs, maxDelayMs } = params.loginAddress;
  if (failures <= free) return 0;
  // 2 ** n grows past any cap long before it overflows; stop early anyway.
  const doublings = Math.min(failures - free - 1, 40);
  return Math.min(firstDelayMs * 2 ** doublings, maxDelayMs);
}

/** The wait before checking any attempt on a login id that failed `failures` times from anywhere. */
export function loginDelayMs(failures: number, params: SignInThrottleParams): number {
  const { free, stepMs, maxDelayMs } = params.login;
  if (failures < free) return 0;
  return Math.min((failures - free + 1) * stepMs, maxDelayMs);
}

/** The wait before checking any attempt from an address where `logins` distinct login ids failed. */
export function addressDelayMs(logins: number, params: SignInThrottleParams): number {
  const { freeLogins, stepMs, maxDelayMs } = params.address;
  if (logins < freeLogins) return 0;
  return Math.min((logins - freeLogins + 1) * stepMs, maxDelayMs);
}

/** When a login id from an address may try again (null: now). */
export function loginAddressRetryAt(
  failures: number,
  lastFailureAt: Date | null,
  params: SignInThrottleParams,
): Date | null {
  const delay = loginAddressDelayMs(failures, params);
  if (delay === 0 || !lastFailureAt) return null;
  return new Date(lastFailureAt.getTime() + delay);
}

/** Whether an attempt may be checked now, and how long to wait before checking it. */
export function decideSignIn(
  counts: SignInFailureCounts,
  now: Date,
  params: SignInThrottleParams = defaultSignInThrottle,
): SignInDecision {
  const retryAt = loginAddressRetryAt(
    counts.loginAddress.failures,
    counts.loginAddress.lastFailureAt,
    params,
  );
  if (retryAt && retryAt.getTime() > now.getTime()) {
    return {
      allowed: false,
      retryAt,
      retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)),
    };
  }
  // The failures of this address on this login id are the first rule's: the login-wide wait
  // counts attacks from elsewhere, so one person's own mistakes never slow them twice.
  return {
    allowed: true,
    delayMs: Math.max(
      loginDelayMs(counts.loginElsewhere, params),
      addressDelayMs(counts.addressLogins, params),
    ),
  };
}

/**
 * When a login-wide or address-wide wait ends if nothing more fails: when the oldest of the
 * failures that reach the threshold (the threshold-th newest) leaves the rule's window.
 */
export function slowdownEndsAt(oldestCounting: Date, windowMs: number): Date {
  return new Date(oldestCounting.getTime() + windowMs);
}

/** "12秒" / "約3分" for a 429 message. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds}秒`;
  const minutes = Math.ceil(seconds / 60);
  return `約${minutes}分`;
}
