import { formatJapaneseDate } from '../../../domain/fiscal-year';

/** 'YYYY-MM-DD' → '令和5年3月31日'; null (not yet done) → ''. A malformed date is shown as written. */
export function formatSheetDate(iso: string | null): string {
  if (iso === null) return '';
  try {
    return formatJapaneseDate(iso);
  } catch {
    return iso;
  }
}

/** An indicator as the sheet prints it: 「定時退庁推進日実施率（％）」, or the name alone without a unit. */
export function indicatorLabel(name: string, unit: string | null): string {
  return unit ? `${name}（${unit}）` : name;
}
