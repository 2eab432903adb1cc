import type { ScryptParams } from '../features/auth/password';

/**
 * The scrypt cost of every password in test databases (the demo users of the sample, the
 * people of the matrices): a check takes about a millisecond instead of 50–100 ms, and tests
 * sign people in thousands of times. The hash keeps its parameters, so verifying is unchanged;
 * the production cost is tested in auth.test.ts.
 */
export const testPasswordCost: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
