import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addCalendarDays,
  businessDaysBetween,
  closedBecause,
  isBusinessDay,
} from './business-days';

describe('開庁日 (business days)', () => {
  it('counts across ゴールデンウィーク 2023: 昭和の日 on a Saturday, 憲法記念日 to こどもの日 mid-week', () => {
    // 2023-04-28 (Fri) + 3 business days: 5/1 (Mon), 5/2 (Tue), then 5/3–5/7 closed, 5/8 (Mon).
    expect(addBusinessDays('2023-04-28', 3)).toBe('2023-05-08');
    expect(businessDaysBetween('2023-04-28', '2023-05-08')).toBe(3);
    expect(closedBecause('2023-05-03')).toBe('憲法記念日');
    expect(closedBecause('2023-05-04')).toBe('みどりの日');
    expect(closedBecause('2023-04-29')).toBe('昭和の日');
  });

  it('counts across ゴールデンウィーク 2024, with its 振替休日 on Monday 5/6', () => {
    // 2024-05-02 (Thu) + 1: 5/3–5/6 closed (憲法記念日, みどりの日 on Sat, こどもの日 on Sun, 振替休日).
    expect(closedBecause('2024-05-06')).toBe('こどもの日 振替休日');
    expect(addBusinessDays('2024-05-02', 1)).toBe('2024-05-07');
    expect(addBusinessDays('2024-05-07', -1)).toBe('2024-05-02');
  });

  it('counts across 年末年始 (12/29–1/3, 地方自治法第4条の2) and 成人の日', () => {
    expect(closedBecause('2023-12-29')).toBe('年末年始');
    expect(closedBecause('2024-01-02')).toBe('年末年始');
    expect(closedBecause('2024-01-01')).toBe('元日');
    // 2023-12-28 (Thu) + 1 → 2024-01-04 (Thu); + 3 → 1/9 (Tue), since 1/6–1/8 are Sat, Sun, 成人の日.
    expect(addBusinessDays('2023-12-28', 1)).toBe('2024-01-04');
    expect(addBusinessDays('2023-12-28', 3)).toBe('2024-01-09');
    expect(businessDaysBetween('2023-12-27', '2024-01-09')).toBe(4);
  });

  it('treats 0 as "this day or the next business day"', () => {
    expect(addBusinessDays('2024-05-03', 0)).toBe('2024-05-07');
    expect(addBusinessDays('2024-05-07', 0)).toBe('2024-05-07');
  });

  it('adding n business days then counting them gives n back, and lands on a business day', () => {
    const day = fc.integer({ min: 0, max: 365 * 10 }).map((offset) => addCalendarDays('2020-01-01', offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (from, n) => {
        const to = addBusinessDays(from, n);
        return isBusinessDay(to) && businessDaysBetween(from, to) === n;
      }),
    );
  });
});
