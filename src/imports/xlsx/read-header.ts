import type ExcelJS from 'exceljs';
import { aboutField, type Codec, decodeField, type Override } from '../../exports/xlsx/codec';
import {
  type FooterField,
  footerFields,
  footerLabels,
  type HeaderField,
  headerFields,
  headerPlaces,
  labelKey,
} from '../../exports/xlsx/layout';
import { cellRef, type Findings, masterOf, readText, unreadable } from './cells';

/**
 * The header block and the footer of an organization's worksheet, found by their labels so a
 * row added above or a column widened does not matter.
 */

const maxLabelColumn = 30;

export type LabelledText = { text: string; ref: string; label: string };

/** The text right of each header label: label → its value cell. Missing labels are absent. */
export function readHeaderTexts(
  sheet: ExcelJS.Worksheet,
  lastHeaderRow: number,
  findings: Findings,
): Partial<Record<HeaderField, LabelledText>> {
  const wanted = new Map(headerFields.map((field) => [labelKey(headerPlaces[field].label), field]));
  const found: Partial<Record<HeaderField, LabelledText>> = {};
  for (let row = 1; row <= lastHeaderRow; row++) {
    for (let column = 1; column <= maxLabelColumn; column++) {
      const at = masterOf(sheet, row, column);
      if (at.row !== row || at.column !== column) continue;
      const field = wanted.get(labelKey(readText(sheet, row, column) ?? ''));
      if (!field || found[field]) continue;
      let valueColumn = column + 1;
      while (valueColumn <= maxLabelColumn && masterOf(sheet, row, valueColumn).column === column)
        valueColumn++;
      const value = masterOf(sheet, row, valueColumn);
      const ref = cellRef(sheet.name, value.row, value.column);
      const text = readText(sheet, value.row, value.column);
      if (text === null) findings.add(ref, `${headerPlaces[field].label}：${unreadable}`);
      found[field] = { text: text ?? '', ref, label: headerPlaces[field].label };
    }
  }
  return found;
}

/** A header field's value, with an issue at the expected place when its label is missing. */
export function headerValue<T>(
  sheet: ExcelJS.Worksheet,
  texts: Partial<Record<HeaderField, LabelledText>>,
  field: HeaderField,
  codec: Codec<T>,
  override: Override | undefined,
  findings: Findings,
): { value: T | undefined; ref: string } | null {
  const place = headerPlaces[field];
  const found = texts[field];
  if (!found) {
    findings.add(
      cellRef(sheet.name, place.row, place.labelSpan[0]),
      `見出し『${place.label}』が見つかりません。書き出したときの見出しを消さないでください`,
    );
    return null;
  }
  const decoded = decodeField(codec, found.text, override);
  if (!decoded.ok) {
    findings.add(found.ref, aboutField(place.label, decoded.message));
    return null;
  }
  return { value: decoded.value, ref: found.ref };
}

/** The row of the first footer label at or after `from` (the end of the table), or null. */
export function findFooterRow(sheet: ExcelJS.Worksheet, from: number): number | null {
  const key = labelKey(footerLabels.approach.key);
  for (let row = from; row <= sheet.rowCount; row++) {
    if (labelKey(readText(sheet, row, 1) ?? '').startsWith(key)) return row;
  }
  return null;
}

/** 取り組みについて / 取り組みの結果について: each the text in the row under its label. */
export function readFooterTexts(
  sheet: ExcelJS.Worksheet,
  footerRow: number | null,
  findings: Findings,
): Partial<Record<FooterField, LabelledText>> {
  const found: Partial<Record<FooterField, LabelledText>> = {};
  const start = footerRow ?? sheet.rowCount + 1;
  for (const field of footerFields) {
    const key = labelKey(footerLabels[field].key);
    let labelRow: number | null = null;
    for (let row = start; row <= sheet.rowCount && labelRow === null; row++) {
      if (labelKey(readText(sheet, row, 1) ?? '').startsWith(key)) labelRow = row;
    }
    const label = footerLabels[field].key;
    if (labelRow === null) {
      findings.add(
        cellRef(sheet.name, Math.max(start, 1), 1),
        `『${label}』の欄が見つかりません。書き出したときの欄を消さないでください`,
      );
      continue;
    }
    const ref = cellRef(sheet.name, labelRow + 1, 1);
    const text = readText(sheet, labelRow + 1, 1);
    if (text === null) findings.add(ref, `${label}：${unreadable}`);
    found[field] = { text: text ?? '', ref, label };
  }
  return found;
}
