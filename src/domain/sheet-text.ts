import { formatFiscalYearShort, formatJapaneseDate } from './fiscal-year';

/**
 * How a sheet's words are written, the same on the page, in the PDF, the booklet, the workbook
 * and the open-data CSV. Pure: the shapes below are what the read API's sheet carries.
 */

/** A mid-year revision of a target as shown: from → to, the day it was decided and why. */
export interface RevisionNote {
  from: { text: string | null };
  to: { text: string | null };
  revisedOn: string;
  reason: string;
}

/** An approved correction (正誤) of one year's result. */
export interface CorrectionNoteText {
  fiscalYear: number;
  from: string | null;
  to: string | null;
  reason: string;
  correctedOn: string;
}

/** 'YYYY-MM-DD' → '令和5年3月31日'; null (not yet done) → ''. A malformed date is kept as written. */
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

/** Text as written, with every line break as '\n' (people paste from Windows and old Macs). */
export function asWritten(text: string | null): string {
  return (text ?? '').replace(/\r\n?/g, '\n');
}

/** One mid-year revision of a target: 「修正: 50 → 45（令和4年9月30日）理由」. */
export function revisionText(revision: RevisionNote): string {
  const from = revision.from.text ?? '（なし）';
  const to = revision.to.text ?? '（なし）';
  return asWritten(`修正: ${from} → ${to}（${formatSheetDate(revision.revisedOn)}）${revision.reason}`);
}

/** Every approved correction (正誤) on a sheet, with the indicator it belongs to, oldest first. */
export function sheetCorrections<
  Note extends CorrectionNoteText,
  Indicator extends { corrections: Note[] },
>(sheet: { goals: { indicators: Indicator[] }[] }): { indicator: Indicator; note: Note }[] {
  return sheet.goals
    .flatMap((g) =>
      g.indicators.flatMap((indicator) => indicator.corrections.map((note) => ({ indicator, note }))),
    )
    .sort((a, b) => a.note.correctedOn.localeCompare(b.note.correctedOn));
}

/** One 正誤: 「令和5年1月10日訂正 生活習慣病予防講座開催数（回） R4実績 誤: 6回 → 正: 7回 理由」. */
export function correctionText(
  indicator: { name: string; unit: string | null },
  note: CorrectionNoteText,
): string {
  const wrong = note.from ?? '（なし）';
  const right = note.to ?? '（なし）';
  return asWritten(
    `${formatSheetDate(note.correctedOn)}訂正　${indicatorLabel(indicator.name, indicator.unit)}　` +
      `${formatFiscalYearShort(note.fiscalYear)}実績　誤: ${wrong} → 正: ${right}（${note.reason}）`,
  );
}
