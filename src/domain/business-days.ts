import holidayJp from '@holiday-jp/holiday_jp';

/**
 * 開庁日: the days a city office is open. Closed on Saturdays and Sundays, on the national
 * holidays (国民の祝日・振替休日・国民の休日, from @holiday-jp/holiday_jp, which follows the
 * Cabinet Office's list) and on 年末年始 — 12月29日から1月3日, the local government's own 休日
 * under 地方自治法第4条の2. Dates are ISO calendar dates (YYYY-MM-DD), as deadlines are stored.
 */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(date: string): { year: number; month: number; day: number } {
  const match = isoDate.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** The day of the week, 0 = Sunday, of a calendar date (no time zone involved). */
function weekday(date: string): number {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The calendar date `days` after (or before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  const { year, month, day } = partsOf(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 年末年始: 12月29日〜1月3日. */
function isYearEnd(date: string): boolean {
  const { month, day } = partsOf(date);
  return (month === 12 && day >= 29) || (month === 1 && day <= 3);
}

/** Why the office is closed that day (the holiday's name, 土曜日, 日曜日, 年末年始), or null when open. */
export function closedBecause(date: string): string | null {
  const holiday = (holidayJp.holidays as Record<string, { name: string } | undefined>)[date];
  if (holiday) return holiday.name;
  if (isYearEnd(date)) return '年末年始';
  const day = weekday(date);
  if (day === 0) return '日曜日';
  if (day === 6) return '土曜日';
  return null;
}

export function isBusinessDay(date: string): boolean {
  return closedBecause(date) === null;
}

/**
 * The business day `n` business days after `date` (n ≥ 1), or before it when n is negative;
 * n = 0 gives `date` itself when it is a business day, else the next one.
 */
export function addBusinessDays(date: string, n: number): string {
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = date;
  if (left === 0) {
    while (!isBusinessDay(day)) day = addCalendarDays(day, 1);
    return day;
  }
  while (left > 0) {
    day = addCalendarDays(day, step);
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}

/**
 * Business days from `from` to `to`: those after `from` up to and including `to` (0 when `to`
 * is not after `from`). A deadline on Friday seen on Wednesday is 2 business days away.
 */
export function businessDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) {
    if (isBusinessDay(day)) count += 1;
  }
  return count;
}
