/**
 * Reading a date as people write it in a sheet's header: 令和5年3月31日, 令和元年5月1日,
 * R5.3.31, 2023年3月31日, 2023/3/31, 2023-03-31 (full-width digits too).
 */

const eraStarts: Record<string, number> = { 令和: 2019, R: 2019, 平成: 1989, H: 1989 };

const eraDate = /^(令和|平成|R|H)\s*(元|\d{1,2})\s*[年.．/-]\s*(\d{1,2})\s*[月.．/-]\s*(\d{1,2})\s*日?$/i;
const westernDate = /^(\d{4})\s*[年.．/-]\s*(\d{1,2})\s*[月.．/-]\s*(\d{1,2})\s*日?$/;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The ISO date ('2023-03-31') of a written date, or null when it is not one. */
export function parseSheetDate(input: string): string | null {
  const s = input.normalize('NFKC').trim();
  const era = eraDate.exec(s);
  if (era) {
    const [, name = '', yearText = '', month = '', day = ''] = era;
    const start = eraStarts[name.length === 1 ? name.toUpperCase() : name];
    if (start === undefined) return null;
    const year = start + (yearText === '元' ? 1 : Number(yearText)) - 1;
    return isoOf(year, Number(month), Number(day));
  }
  const western = westernDate.exec(s);
  if (western) {
    const [, year = '', month = '', day = ''] = western;
    return isoOf(Number(year), Number(month), Number(day));
  }
  return null;
}
