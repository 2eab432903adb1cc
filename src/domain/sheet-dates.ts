import { formatFiscalYear } from './fiscal-year';
import type { SheetStatus } from './sheet-status';

/**
 * The sheet's official dates (作成日・修正日・評価日): the dates printed on the sheet, not the
 * day somebody clicked. A phase that completes (plan approved → 作成日, a revision approved →
 * 修正日, evaluation confirmed → 評価日) stamps the 部区's date for the year when the 企画担当
 * has set one, else the municipality's nominal date (a month and day, e.g. 3月31日) in that
 * fiscal year. A date the 企画担当 set on one sheet is that sheet's own and nothing stamps over it.
 */

export const sheetDateFields = ['createdOn', 'revisedOn', 'evaluatedOn'] as const;
export type SheetDateField = (typeof sheetDateFields)[number];

export const sheetDateLabels: Record<SheetDateField, string> = {
  createdOn: '作成日',
  revisedOn: '修正日',
  evaluatedOn: '評価日',
};

/** A sheet's (or a 部区's year's) three dates, ISO YYYY-MM-DD, null where there is none. */
export type SheetDates = Record<SheetDateField, string | null>;

/** The municipality's nominal dates as month and day ('MM-DD'), placed in each fiscal year. */
export type NominalDates = Record<SheetDateField, string>;

/** For a municipality that has set none: 4月1日 / 10月1日 / 3月31日. */
export const defaultNominalDates: NominalDates = {
  createdOn: '04-01',
  revisedOn: '10-01',
  evaluatedOn: '03-31',
};

const monthDayPattern = /^(\d{2})-(\d{2})$/;
/** Days of each month in a year that is not a leap year: a nominal date must exist every year. */
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why `text` is not a month and day that exists in every year (MM-DD), or null when it is. */
export function monthDayIssue(text: string): string | null {
  const match = monthDayPattern.exec(text);
  if (!match) return '月日は MM-DD の形式で指定してください（例：04-01）';
  const month = Number(match[1]);
  const day = Number(match[2]);
  if (month < 1 || month > 12) return `${month}月という月はありません`;
  if (month === 2 && day === 29) return '2月29日はうるう年にしかないため、毎年の日付には使えません';
  const last = daysInMonth[month - 1] ?? 31;
  if (day < 1 || day > last) return `${month}月${day}日という日付はありません`;
  return null;
}

/** A month and day's place in a fiscal year (April first), for ordering. */
function fiscalOrder(monthDay: string): number {
  const [month = 0, day = 0] = monthDay.split('-').map(Number);
  return (month >= 4 ? month - 4 : month + 8) * 100 + day;
}

/** The ISO date of a month and day in fiscal year `fiscalYear` (3月31日 falls in the next calendar year). */
export function nominalDateIn(fiscalYear: number, monthDay: string): string {
  const month = Number(monthDay.slice(0, 2));
  return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${monthDay}`;
}

export function nominalDatesIn(fiscalYear: number, nominal: NominalDates): SheetDates {
  return {
    createdOn: nominalDateIn(fiscalYear, nominal.createdOn),
    revisedOn: nominalDateIn(fiscalYear, nominal.revisedOn),
    evaluatedOn: nominalDateIn(fiscalYear, nominal.evaluatedOn),
  };
}

/** The month and day of each field formatted as a document writes it (4月1日). */
export function formatMonthDay(monthDay: string): string {
  const [month = 0, day = 0] = monthDay.split('-').map(Number);
  return `${month}月${day}日`;
}

export interface DateIssue {
  field: SheetDateField;
  message: string;
}

/** The nominal dates must follow the year: 作成 → 修正 → 評価 counted from 4月1日. */
export function nominalOrderIssues(nominal: NominalDates): DateIssue[] {
  const issues: DateIssue[] = [];
  for (const field of sheetDateFields) {
    const issue = monthDayIssue(nominal[field]);
    if (issue) issues.push({ field, message: issue });
  }
  if (issues.length > 0) return issues;
  for (let i = 1; i < sheetDateFields.length; i++) {
    const before = sheetDateFields[i - 1] as SheetDateField;
    const field = sheetDateFields[i] as SheetDateField;
    if (fiscalOrder(nominal[field]) < fiscalOrder(nominal[before])) {
      issues.push({
        field,
        message: `年度の中で${sheetDateLabels[before]}（${formatMonthDay(nominal[before])}）と同じか、それより後の月日にしてください（年度は4月1日から3月31日までです）`,
      });
    }
  }
  return issues;
}

/**
 * The dates a sheet of `fiscalYear` may carry: from 1 January of the year the fiscal year
 * starts (plans are approved before April) to 31 December of the year it ends (evaluations
 * are confirmed after March), in the order 作成 → 修正 → 評価 (a date not set is skipped).
 */
export function sheetDatesIssues(fiscalYear: number, dates: SheetDates): DateIssue[] {
  const issues: DateIssue[] = [];
  const first = `${fiscalYear}-01-01`;
  const last = `${fiscalYear + 1}-12-31`;
  let previous: { field: SheetDateField; date: string } | null = null;
  for (const field of sheetDateFields) {
    const date = dates[field];
    if (date === null) continue;
    if (date < first || date > last) {
      issues.push({
        field,
        message: `${formatFiscalYear(fiscalYear)}の${sheetDateLabels[field]}は${fiscalYear}年1月1日から${fiscalYear + 1}年12月31日までの日付にしてください`,
      });
    } else if (previous && date < previous.date) {
      issues.push({
        field,
        message: `${sheetDateLabels[field]}（${date}）が${sheetDateLabels[previous.field]}（${previous.date}）より前になっています`,
      });
    }
    previous = { field, date };
  }
  return issues;
}

/** What decides whether a sheet has come through the phase that prints a date. */
export interface SheetDateState {
  status: SheetStatus;
  /** The date the sheet carries now. */
  dates: SheetDates;
  /** Whether a target revision of the sheet's year has been approved (a 修正 happened). */
  hasApprovedRevision: boolean;
  /** The fields the 企画担当 set on this sheet itself. */
  setIndividually: readonly SheetDateField[];
}

const pastPlanning: readonly SheetStatus[] = [
  'approved',
  'evaluation_submitted',
  'evaluation_approved',
  'evaluated',
  'published',
];
const pastEvaluation: readonly SheetStatus[] = ['evaluated', 'published'];

/**
 * Whether the sheet carries, or should carry, this date: it already has one, or it has come
 * through the phase (作成: approved; 修正: a revision approved; 評価: the evaluation confirmed).
 * A sheet with no 修正 has no 修正日.
 */
export function carriesDate(field: SheetDateField, sheet: SheetDateState): boolean {
  if (sheet.dates[field] !== null) return true;
  if (field === 'createdOn') return pastPlanning.includes(sheet.status);
  if (field === 'revisedOn') return sheet.hasApprovedRevision;
  return pastEvaluation.includes(sheet.status);
}

/**
 * The official date for a field of a sheet of `fiscalYear`: the 部区's date for the year when
 * set, else the municipality's nominal date in that year.
 */
export function officialDate(
  field: SheetDateField,
  fiscalYear: number,
  wardYear: SheetDates,
  nominal: NominalDates,
): string {
  return wardYear[field] ?? nominalDateIn(fiscalYear, nominal[field]);
}

/**
 * The date a phase that completes now stamps on the sheet: its own date when the 企画担当 set
 * one on it, else the official date.
 */
export function stampedDate(
  field: SheetDateField,
  sheet: { fiscalYear: number; dates: SheetDates; setIndividually: readonly SheetDateField[] },
  wardYear: SheetDates,
  nominal: NominalDates,
): string | null {
  if (sheet.setIndividually.includes(field)) return sheet.dates[field];
  return officialDate(field, sheet.fiscalYear, wardYear, nominal);
}

/**
 * What a 部区's year's dates change on one of its sheets: each field the sheet carries and did
 * not get individually follows the year's date (or, where the year's date is cleared, the
 * nominal one). Only the fields whose value changes are returned.
 */
export function followWardYear(
  sheet: SheetDateState & { fiscalYear: number },
  wardYear: SheetDates,
  nominal: NominalDates,
  fields: readonly SheetDateField[] = sheetDateFields,
): Partial<SheetDates> {
  const changed: Partial<SheetDates> = {};
  for (const field of fields) {
    if (sheet.setIndividually.includes(field) || !carriesDate(field, sheet)) continue;
    const date = officialDate(field, sheet.fiscalYear, wardYear, nominal);
    if (date !== sheet.dates[field]) changed[field] = date;
  }
  return changed;
}
