/**
 * Fiscal years (年度) and Japanese era dates. Pure: no I/O, no Node APIs.
 *
 * A fiscal year is identified by the Western year in which it starts:
 * 令和4年度 = 2022 = 2022-04-01 … 2023-03-31.
 */
export type FiscalYear = number;

type Era = {
  /** Era name as printed: 令和, 平成. */
  name: string;
  /** One-letter abbreviation used in sheet column labels: R, H. */
  short: string;
  /** First day of the era (ISO date). */
  start: string;
  /** Western year of the era's first year (元年). */
  firstYear: number;
  /** First fiscal year named in this era. 令和元年度 = FY2019 although 2019-04-01 was still 平成. */
  firstFiscalYear: FiscalYear;
};

/** Supported eras, newest first. Dates and fiscal years before 平成 are written in Western years. */
const eras: readonly Era[] = [
  { name: '令和', short: 'R', start: '2019-05-01', firstYear: 2019, firstFiscalYear: 2019 },
  { name: '平成', short: 'H', start: '1989-01-08', firstYear: 1989, firstFiscalYear: 1989 },
];

/** Highest year number an era reached (平成31), or null for the current era. */
function lastEraYear(era: Era): number | null {
  const index = eras.indexOf(era);
  const successor = index > 0 ? eras[index - 1] : undefined;
  return successor ? successor.firstYear - era.firstYear + 1 : null;
}

function eraYearText(n: number): string {
  return n === 1 ? '元' : String(n);
}

function assertFiscalYear(fy: number): void {
  if (!Number.isInteger(fy)) throw new RangeError(`Invalid fiscal year: ${fy}`);
}

function eraOfFiscalYear(fy: FiscalYear): Era | undefined {
  return eras.find((era) => fy >= era.firstFiscalYear);
}

/** 2022 → '令和4年度', 2019 → '令和元年度', 2018 → '平成30年度'. */
export function formatFiscalYear(fy: FiscalYear): string {
  assertFiscalYear(fy);
  const era = eraOfFiscalYear(fy);
  if (!era) return `${fy}年度`;
  return `${era.name}${eraYearText(fy - era.firstYear + 1)}年度`;
}

/** 2022 → 'R4', 2019 → 'R1', 2018 → 'H30'. */
export function formatFiscalYearShort(fy: FiscalYear): string {
  assertFiscalYear(fy);
  const era = eraOfFiscalYear(fy);
  if (!era) return String(fy);
  return `${era.short}${fy - era.firstYear + 1}`;
}

function fromEraYear(eraKey: string, yearText: string): FiscalYear | null {
  const key = eraKey.toUpperCase();
  const era = eras.find((e) => e.name === key || e.short === key);
  if (!era) return null;
  const n = yearText === '元' ? 1 : Number(yearText);
  const last = lastEraYear(era);
  if (!Number.isInteger(n) || n < 1 || (last !== null && n > last)) return null;
  return era.firstYear + n - 1;
}

const westernPattern = /^(?:FY\s*)?(\d{4})(?:\s*年度)?$/i;
const eraPattern = /^(令和|平成|[RH])\s*(元|\d{1,2})(?:\s*年度)?$/i;

/**
 * Reads a fiscal year as people type it: '2022', '２０２２', 'FY2022', '令和4年度', '令和元年度',
 * '平成31年度' (= 2019), 'R4', 'Ｒ４', 'r4', 'H30'. Returns null for anything else.
 */
export function parseFiscalYear(input: string): FiscalYear | null {
  const s = input.normalize('NFKC').trim();
  const western = westernPattern.exec(s);
  if (western?.[1]) {
    const year = Number(western[1]);
    return year >= 1900 && year <= 2999 ? year : null;
  }
  const era = eraPattern.exec(s);
  if (era?.[1] && era[2]) return fromEraYear(era[1], era[2]);
  return null;
}

type DateParts = { year: number; month: number; day: number };

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function parseIsoDate(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid ISO date: ${iso}`);
  }
  return { year, month, day };
}

/** '2023-03-31' → '令和5年3月31日', '2019-05-01' → '令和元年5月1日', '2019-04-30' → '平成31年4月30日'. */
export function formatJapaneseDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const era = eras.find((e) => iso >= e.start);
  const yearText = era ? `${era.name}${eraYearText(year - era.firstYear + 1)}` : String(year);
  return `${yearText}年${month}月${day}日`;
}

/** '2023-03-31' → 2022, '2023-04-01' → 2023. */
export function fiscalYearOfDate(iso: string): FiscalYear {
  const { year, month } = parseIsoDate(iso);
  return month >= 4 ? year : year - 1;
}

/** 2022 → { start: '2022-04-01', end: '2023-03-31' }. */
export function fiscalYearRange(fy: FiscalYear): { start: string; end: string } {
  assertFiscalYear(fy);
  const pad = (y: number) => String(y).padStart(4, '0');
  return { start: `${pad(fy)}-04-01`, end: `${pad(fy + 1)}-03-31` };
}

/** The three previous fiscal years whose results a sheet shows as 実績: 2022 → [2019, 2020, 2021]. */
export function actualYears(fy: FiscalYear): [FiscalYear, FiscalYear, FiscalYear] {
  assertFiscalYear(fy);
  return [fy - 3, fy - 2, fy - 1];
}

export type SheetColumnLabels = {
  actuals: { year: FiscalYear; label: string }[];
  target: string;
  result: string;
};

/** Column labels of a sheet's value columns: 2022 → R1実績 R2実績 R3実績 R4目標 R4結果. */
export function sheetColumnLabels(fy: FiscalYear): SheetColumnLabels {
  const short = formatFiscalYearShort(fy);
  return {
    actuals: actualYears(fy).map((year) => ({ year, label: `${formatFiscalYearShort(year)}実績` })),
    target: `${short}目標`,
    result: `${short}結果`,
  };
}
