import type { Clock } from '../clock';

/** A clock tests move by hand; a wait the server asks for is recorded and passes at once. */
export interface TestClock extends Clock {
  advance(ms: number): void;
  /** Every wait asked for, in order. */
  readonly sleeps: number[];
}

export function testClock(start = new Date('2026-04-01T00:00:00Z')): TestClock {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => {
      now += ms;
    },
    sleeps,
  };
}
