import { describe, expect, it } from 'vitest';
import {
  carriesDate,
  defaultNominalDates,
  followWardYear,
  monthDayIssue,
  nominalDateIn,
  nominalOrderIssues,
  type SheetDateState,
  sheetDatesIssues,
  stampedDate,
} from './sheet-dates';

const none = { createdOn: null, revisedOn: null, evaluatedOn: null };

describe('nominal dates', () => {
  it('accept month-days that exist every year and refuse the others', () => {
    expect(monthDayIssue('04-01')).toBeNull();
    expect(monthDayIssue('03-31')).toBeNull();
    expect(monthDayIssue('02-28')).toBeNull();
    expect(monthDayIssue('02-29')).toMatch(/うるう年/);
    expect(monthDayIssue('02-30')).toMatch(/2月30日/);
    expect(monthDayIssue('04-31')).toMatch(/4月31日/);
    expect(monthDayIssue('00-10')).toMatch(/0月/);
    expect(monthDayIssue('4-1')).toMatch(/MM-DD/);
  });

  it('fall in the fiscal year: April to December in its first calendar year, January to March in the next', () => {
    expect(nominalDateIn(2022, '04-01')).toBe('2022-04-01');
    expect(nominalDateIn(2022, '10-01')).toBe('2022-10-01');
    expect(nominalDateIn(2022, '03-31')).toBe('2023-03-31');
    expect(nominalDateIn(2022, '01-15')).toBe('2023-01-15');
  });

  it('follow the order 作成 → 修正 → 評価 counted from April', () => {
    expect(nominalOrderIssues(defaultNominalDates)).toEqual([]);
    expect(nominalOrderIssues({ createdOn: '03-01', revisedOn: '10-01', evaluatedOn: '03-31' })).toEqual([
      expect.objectContaining({ field: 'revisedOn' }),
    ]);
    expect(nominalOrderIssues({ createdOn: '04-01', revisedOn: '10-01', evaluatedOn: '09-30' })).toEqual([
      expect.objectContaining({ field: 'evaluatedOn' }),
    ]);
  });
});

describe("a sheet's dates", () => {
  it('stay within the calendar years around the fiscal year and in order', () => {
    expect(
      sheetDatesIssues(2022, { createdOn: '2022-04-01', revisedOn: null, evaluatedOn: '2023-05-20' }),
    ).toEqual([]);
    expect(sheetDatesIssues(2022, { ...none, createdOn: '2021-12-31' })[0]?.field).toBe('createdOn');
    expect(sheetDatesIssues(2022, { ...none, evaluatedOn: '2024-01-01' })[0]?.field).toBe('evaluatedOn');
    expect(
      sheetDatesIssues(2022, { createdOn: '2022-10-02', revisedOn: '2022-10-01', evaluatedOn: null })[0],
    ).toMatchObject({ field: 'revisedOn', message: expect.stringMatching(/作成日/) });
  });

  const sheet = (over: Partial<SheetDateState> = {}): SheetDateState & { fiscalYear: number } => ({
    fiscalYear: 2023,
    status: 'approved',
    dates: { createdOn: '2023-04-01', revisedOn: null, evaluatedOn: null },
    hasApprovedRevision: false,
    setIndividually: [],
    ...over,
  });

  it('are carried once the phase is passed or the date is there', () => {
    expect(carriesDate('createdOn', sheet({ dates: none }))).toBe(true);
    expect(carriesDate('createdOn', sheet({ status: 'submitted', dates: none }))).toBe(false);
    expect(carriesDate('revisedOn', sheet())).toBe(false);
    expect(carriesDate('revisedOn', sheet({ hasApprovedRevision: true }))).toBe(true);
    expect(carriesDate('evaluatedOn', sheet({ status: 'published', dates: none }))).toBe(true);
    expect(carriesDate('evaluatedOn', sheet({ status: 'evaluation_approved', dates: none }))).toBe(false);
  });

  it("are stamped from the sheet's own date, else the 部区's, else the nominal one", () => {
    const wardYear = { ...none, evaluatedOn: '2024-03-29' };
    expect(stampedDate('createdOn', sheet(), none, defaultNominalDates)).toBe('2023-04-01');
    expect(stampedDate('evaluatedOn', sheet(), wardYear, defaultNominalDates)).toBe('2024-03-29');
    expect(stampedDate('evaluatedOn', sheet(), none, defaultNominalDates)).toBe('2024-03-31');
    const own = sheet({ dates: { ...none, evaluatedOn: '2024-03-15' }, setIndividually: ['evaluatedOn'] });
    expect(stampedDate('evaluatedOn', own, wardYear, defaultNominalDates)).toBe('2024-03-15');
  });

  it("follow a change of the 部区's dates only where carried and not set individually", () => {
    const wardYear = { createdOn: '2023-04-03', revisedOn: '2023-10-02', evaluatedOn: null };
    expect(followWardYear(sheet(), wardYear, defaultNominalDates)).toEqual({ createdOn: '2023-04-03' });
    expect(followWardYear(sheet({ setIndividually: ['createdOn'] }), wardYear, defaultNominalDates)).toEqual(
      {},
    );
    expect(followWardYear(sheet({ status: 'draft', dates: none }), wardYear, defaultNominalDates)).toEqual(
      {},
    );
    expect(
      followWardYear(sheet({ hasApprovedRevision: true }), wardYear, defaultNominalDates, ['revisedOn']),
    ).toEqual({ revisedOn: '2023-10-02' });
    // A cleared 部区 date puts the nominal date back.
    expect(
      followWardYear(sheet({ dates: { ...none, createdOn: '2023-04-03' } }), none, defaultNominalDates),
    ).toEqual({ createdOn: '2023-04-01' });
  });
});
