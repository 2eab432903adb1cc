import { describe, expect, it } from 'vitest';
import {
  actualYears,
  fiscalYearOfDate,
  fiscalYearRange,
  formatFiscalYear,
  formatFiscalYearShort,
  formatJapaneseDate,
  parseFiscalYear,
  sheetColumnLabels,
} from './fiscal-year';

describe('formatFiscalYear', () => {
  it.each([
    [2022, '令和4年度'],
    [2023, '令和5年度'],
    [2020, '令和2年度'],
    [2019, '令和元年度'],
    [2018, '平成30年度'],
    [1990, '平成2年度'],
    [1989, '平成元年度'],
  ])('%i → %s', (fy, expected) => {
    expect(formatFiscalYear(fy)).toBe(expected);
  });

  it('writes fiscal years before 平成 in Western years', () => {
    expect(formatFiscalYear(1988)).toBe('1988年度');
  });

  it('rejects a non-integer year', () => {
    expect(() => formatFiscalYear(2022.5)).toThrow(RangeError);
    expect(() => formatFiscalYear(Number.NaN)).toThrow(RangeError);
  });
});

describe('formatFiscalYearShort', () => {
  it.each([
    [2022, 'R4'],
    [2019, 'R1'],
    [2018, 'H30'],
    [1989, 'H1'],
    [1988, '1988'],
  ])('%i → %s', (fy, expected) => {
    expect(formatFiscalYearShort(fy)).toBe(expected);
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['2022', 2022],
    ['２０２２', 2022],
    ['令和4年度', 2022],
    ['令和４年度', 2022],
    ['令和元年度', 2019],
    ['平成31年度', 2019],
    ['平成30年度', 2018],
    ['平成元年度', 1989],
    ['R4', 2022],
    ['Ｒ４', 2022],
    ['r4', 2022],
    ['R1', 2019],
    ['H30', 2018],
    ['h31', 2019],
    ['FY2022', 2022],
    ['fy2022', 2022],
    ['ＦＹ２０２２', 2022],
    ['2022年度', 2022],
    ['令和4', 2022],
    ['  令和4年度  ', 2022],
    ['㋿4年度', 2022],
  ])('%j → %i', (input, expected) => {
    expect(parseFiscalYear(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'abc',
    '令和',
    '令和0年度',
    '平成32年度',
    '平成0年度',
    'H32',
    'R0',
    'R',
    'X4',
    '昭和60年度',
    '22',
    '20222',
    '0000',
    '2022年',
    '令和4年度末',
    'FY',
    '2022-04-01',
  ])('%j → null', (input) => {
    expect(parseFiscalYear(input)).toBeNull();
  });

  it('round-trips with the formatters', () => {
    for (let fy = 1989; fy <= 2040; fy++) {
      expect(parseFiscalYear(formatFiscalYear(fy))).toBe(fy);
      expect(parseFiscalYear(formatFiscalYearShort(fy))).toBe(fy);
    }
  });
});

describe('formatJapaneseDate', () => {
  it.each([
    ['2023-03-31', '令和5年3月31日'],
    ['2022-04-01', '令和4年4月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-08', '平成元年1月8日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s → %s', (iso, expected) => {
    expect(formatJapaneseDate(iso)).toBe(expected);
  });

  it('writes dates before 平成 in Western years', () => {
    expect(formatJapaneseDate('1989-01-07')).toBe('1989年1月7日');
  });

  it.each([
    '',
    '2023-3-31',
    '2023/03/31',
    '2023-13-01',
    '2023-00-10',
    '2023-04-31',
    '2023-02-29',
    '1900-02-29',
    '2023-03-31T00:00:00Z',
    '令和5年3月31日',
  ])('throws a RangeError on %j', (iso) => {
    expect(() => formatJapaneseDate(iso)).toThrow(RangeError);
  });
});

describe('fiscalYearOfDate', () => {
  it.each([
    ['2023-03-31', 2022],
    ['2023-04-01', 2023],
    ['2022-04-01', 2022],
    ['2022-12-31', 2022],
    ['2023-01-01', 2022],
    ['2019-04-30', 2019],
  ])('%s → %i', (iso, expected) => {
    expect(fiscalYearOfDate(iso)).toBe(expected);
  });

  it('throws a RangeError on an invalid date', () => {
    expect(() => fiscalYearOfDate('2023-02-30')).toThrow(RangeError);
  });
});

describe('fiscalYearRange', () => {
  it('runs from 1 April to 31 March of the next year', () => {
    expect(fiscalYearRange(2022)).toEqual({ start: '2022-04-01', end: '2023-03-31' });
    expect(fiscalYearRange(2019)).toEqual({ start: '2019-04-01', end: '2020-03-31' });
  });

  it('agrees with fiscalYearOfDate at both ends', () => {
    const { start, end } = fiscalYearRange(2024);
    expect(fiscalYearOfDate(start)).toBe(2024);
    expect(fiscalYearOfDate(end)).toBe(2024);
  });
});

describe('actualYears', () => {
  it('lists the three previous fiscal years, oldest first', () => {
    expect(actualYears(2022)).toEqual([2019, 2020, 2021]);
    expect(actualYears(2023)).toEqual([2020, 2021, 2022]);
  });
});

describe('sheetColumnLabels', () => {
  it('labels a 令和4年度 sheet', () => {
    expect(sheetColumnLabels(2022)).toEqual({
      actuals: [
        { year: 2019, label: 'R1実績' },
        { year: 2020, label: 'R2実績' },
        { year: 2021, label: 'R3実績' },
      ],
      target: 'R4目標',
      result: 'R4結果',
    });
  });

  it('follows the sheet year', () => {
    const labels = sheetColumnLabels(2023);
    expect(labels.actuals.map((a) => a.label)).toEqual(['R2実績', 'R3実績', 'R4実績']);
    expect(labels.target).toBe('R5目標');
    expect(labels.result).toBe('R5結果');
  });

  it('crosses the era boundary', () => {
    expect(sheetColumnLabels(2020).actuals.map((a) => a.label)).toEqual(['H29実績', 'H30実績', 'R1実績']);
  });
});
