import { asWritten, indicatorLabel, revisionText } from '../../domain/sheet-text';
import type { SheetDetail, SheetGoal, SheetIndicator } from '../../schemas/sheet';
import { achievementWidth, columnWidths, contentWidth } from './columns';
import { fontRuns } from './font-runs';
import { lineHeightEm } from './fonts';
import { fontSizes, lineHeight, narrativeLineHeight, narrativePadding } from './theme';

/**
 * A cautious estimate of how tall the goal table's rows get, to find rows that cannot fit on
 * one page. pdfmake keeps each row of a `dontBreakRows` table on one page and silently drops
 * what does not fit when a row is taller than a page; rows estimated too tall are therefore
 * let to break (and start on a fresh page). The estimate errs on the tall side: a row wrongly
 * judged too tall merely starts on a new page, one wrongly judged to fit would be lost.
 */

/** Height (pt) a row may take: the page body below the repeated column headers, with room. */
const maxRowHeight = 440;

/** BIZ UDPGothic: ascent + descent = 1 em, full-width glyphs 1 em, Latin up to ~0.98 em. */
const halfWidthEm = 0.8;
/** Noto Emoji's glyphs are 2600/2048 em wide; every character of an emoji run is counted so. */
const emojiEm = 1.3;
const wrapSlack = 1.12;

function emWidth(text: string): number {
  let em = 0;
  for (const run of fontRuns(text)) {
    for (const char of run.text) {
      if (run.role === 'emoji') em += emojiEm;
      else em += (char.codePointAt(0) ?? 0) < 0x2e80 ? halfWidthEm : 1;
    }
  }
  return em;
}

/**
 * Height of the text's lines in ems: 1 in BIZ UDPGothic; a line holding a fallback glyph is as
 * tall as that font's line (Noto Sans JP ~1.45 em), and every line is counted so.
 */
function lineEm(text: string): number {
  return Math.max(1, ...fontRuns(text).map((run) => lineHeightEm(run.role)));
}

/** Lines a text takes in a column `width` points wide (each '\n' starts a line). */
function lineCount(text: string, width: number, fontSize: number): number {
  const usable = Math.max(width, fontSize);
  return text
    .split('\n')
    .reduce(
      (lines, paragraph) =>
        lines + Math.max(1, Math.ceil((emWidth(paragraph) * fontSize * wrapSlack) / usable)),
      0,
    );
}

function textHeight(
  text: string,
  width: number,
  fontSize: number = fontSizes.table,
  factor: number = lineHeight,
): number {
  return lineCount(text, width, fontSize) * fontSize * factor * lineEm(text);
}

const verticalPadding = 2 * 2 + 1;

function indicatorRowHeight(indicator: SheetIndicator): number {
  const target =
    textHeight(asWritten(indicator.target.text), columnWidths.target) +
    indicator.revisions.reduce(
      (sum, revision) =>
        sum + 2 + textHeight(revisionText(revision), columnWidths.target, fontSizes.revision),
      0,
    );
  const heights = [
    textHeight(indicatorLabel(asWritten(indicator.name), indicator.unit), columnWidths.indicator),
    ...indicator.actuals.map((cell) => textHeight(asWritten(cell.text), columnWidths.actual)),
    target,
    textHeight(asWritten(indicator.result.text), columnWidths.result),
    textHeight(asWritten(indicator.note), columnWidths.note),
    textHeight(asWritten(indicator.achievement), achievementWidth),
  ];
  return Math.max(...heights) + verticalPadding;
}

function goalCellsHeight(goal: SheetGoal): number {
  const bullet = 7;
  const initiatives = goal.initiatives.reduce(
    (sum, initiative) => sum + textHeight(asWritten(initiative), columnWidths.initiatives - bullet),
    0,
  );
  return Math.max(textHeight(asWritten(goal.text), columnWidths.goal), initiatives) + verticalPadding;
}

/**
 * Which of a goal's rows (one per indicator, at least one) must be allowed to break across
 * pages. When the goal's own cells are too tall, its first row must.
 */
export function rowsTooTall(goal: SheetGoal): boolean[] {
  const rows = goal.indicators.map((indicator) => indicatorRowHeight(indicator) > maxRowHeight);
  const goalTooTall = goalCellsHeight(goal) > maxRowHeight;
  if (rows.length === 0) return [goalTooTall];
  return rows.map((tooTall, index) => tooTall || (index === 0 && goalTooTall));
}

/** Whether the two narratives fit on one page, so that they can be kept together. */
export function narrativesFitOnePage(sheet: SheetDetail): boolean {
  const width = (contentWidth - 3 * 0.5) / 2 - 2 * narrativePadding;
  const height = (text: string | null) =>
    textHeight(asWritten(text), width, fontSizes.narrative, narrativeLineHeight);
  const heading = 2 * fontSizes.narrative * lineHeight;
  return (
    heading + Math.max(height(sheet.approach), height(sheet.outcome)) + 4 * verticalPadding <= maxRowHeight
  );
}
