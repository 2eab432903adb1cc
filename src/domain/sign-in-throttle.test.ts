import { describe, expect, it } from 'vitest';
import {
  addressDelayMs,
  decideSignIn,
  formatWait,
  loginAddressDelayMs,
  loginDelayMs,
  defaultSignInThrottle as params,
  slowdownEndsAt,
} from './sign-in-throttle';

const now = new Date('2026-04-01T09:00:00Z');
const secondsAgo = (s: number) => new Date(now.getTime() - s * 1000);
const counts = (pair: number, last: Date | null, loginElsewhere = 0, addressLogins = 0) => ({
  loginAddress: { failures: pair, lastFailureAt: last },
  loginElsewhere,
  addressLogins,
});

describe('one login id from one address', () => {
  it('costs nothing for the first few failures, then 1 s, 2 s, 4 s … capped at 5 minutes', () => {
    const delays = Array.from({ length: 16 }, (_, n) => loginAddressDelayMs(n, params) / 1000);
    expect(delays).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
    expect(loginAddressDelayMs(10_000, params)).toBe(300_000);
  });

  it('refuses until the wait after the last failure has passed, and says how long in whole seconds', () => {
    expect(decideSignIn(counts(5, secondsAgo(0.5)), now, params)).toEqual({
      allowed: false,
      retryAt: new Date(now.getTime() + 1500),
      retryAfterSeconds: 2,
    });
    expect(decideSignIn(counts(5, secondsAgo(2)), now, params)).toEqual({ allowed: true, delayMs: 0 });
    expect(decideSignIn(counts(3, now), now, params)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe('waits that slow and never refuse', () => {
  it('slows every attempt on a login id failing from many addresses, gently and capped', () => {
    expect(loginDelayMs(9, params)).toBe(0);
    expect(loginDelayMs(10, params)).toBe(100);
    expect(loginDelayMs(100, params)).toBe(2000);
    expect(decideSignIn(counts(0, null, 100), now, params)).toEqual({ allowed: true, delayMs: 2000 });
  });

  it('slows an address only when many different login ids failed there', () => {
    expect(addressDelayMs(19, params)).toBe(0);
    expect(addressDelayMs(25, params)).toBe(600);
    expect(addressDelayMs(5000, params)).toBe(2000);
    // 100 failures of one person's own login id are no spray.
    expect(decideSignIn(counts(0, null, 0, 1), now, params)).toEqual({ allowed: true, delayMs: 0 });
  });

  it('takes the longer of the two waits and never refuses for them', () => {
    expect(decideSignIn(counts(0, null, 12, 25), now, params)).toEqual({ allowed: true, delayMs: 600 });
    expect(decideSignIn(counts(2, now, 1_000_000, 1_000_000), now, params)).toEqual({
      allowed: true,
      delayMs: 2000,
    });
  });

  it('ends when the oldest counting failure leaves the window', () => {
    expect(slowdownEndsAt(secondsAgo(60), params.login.windowMs)).toEqual(
      new Date(now.getTime() - 60_000 + 60 * 60 * 1000),
    );
  });
});

describe('the wait in words', () => {
  it('says seconds under a minute, whole minutes above', () => {
    expect(formatWait(1)).toBe('1秒');
    expect(formatWait(59)).toBe('59秒');
    expect(formatWait(60)).toBe('約1分');
    expect(formatWait(256)).toBe('約5分');
  });
});
