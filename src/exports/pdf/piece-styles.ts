import { createRequire } from 'node:module';

/**
 * pdfmake measures a text piece by piece — a piece per character in Japanese, which may break
 * between any two — and asks its style stack 23 questions for every piece (font, size, colour,
 * links…). The pieces of one text have the same style, so the answers are the same: here they
 * are asked once for each run of pieces whose own properties are alike, then given to each piece
 * in pdfmake's order; each piece's width and cuts are measured as pdfmake measures them.
 */

type Piece = Record<string, unknown> & { text: string };
interface PdfFont {
  lineHeight(fontSize: number): number;
}
interface StyleStack {
  styleDictionary: unknown;
}
type StyleLookup = (item: object, stack: StyleStack, property: string, defaultValue: unknown) => unknown;
interface TextInlines {
  pdfDocument: { provideFont(font: unknown, bold: unknown, italics: unknown): PdfFont };
  widthOfText(text: string, piece: Piece): number;
  measure(pieces: Piece[], stack: StyleStack): Piece[];
}

/** A piece's own properties that no style question reads: its text and where it may break. */
const notStyle = new Set(['text', 'lineEnd', 'noNewLine', 'leadingCut', 'leadingIndent']);

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** The style of a run of pieces: the answers, and the own properties they were asked for. */
interface RunStyle {
  own: Record<string, unknown>;
  ownCount: number;
  /** What pdfmake gives each piece, in its order (named, so every piece gets one shape). */
  given: {
    font: PdfFont;
    alignment: unknown;
    fontSize: unknown;
    fontFeatures: unknown;
    characterSpacing: unknown;
    color: unknown;
    decoration: unknown;
    decorationColor: unknown;
    decorationStyle: unknown;
    decorationThickness: unknown;
    background: unknown;
    link: unknown;
    linkToPage: unknown;
    linkToDestination: unknown;
    noWrap: unknown;
    opacity: unknown;
    sup: unknown;
    sub: unknown;
  };
  lineHeight: unknown;
  preserveLeadingSpaces: unknown;
  preserveTrailingSpaces: unknown;
}

function ownStyleOf(piece: Piece): [Record<string, unknown>, number] {
  const own: Record<string, unknown> = {};
  let count = 0;
  for (const key in piece) {
    if (notStyle.has(key)) continue;
    own[key] = piece[key];
    count++;
  }
  return [own, count];
}

function sameOwnStyle(piece: Piece, style: RunStyle): boolean {
  let count = 0;
  for (const key in piece) {
    if (notStyle.has(key)) continue;
    if (!Object.is(piece[key], style.own[key]) || !(key in style.own)) return false;
    count++;
  }
  return count === style.ownCount;
}

function askStyle(inlines: TextInlines, piece: Piece, stack: StyleStack, ask: StyleLookup): RunStyle {
  const [own, ownCount] = ownStyleOf(piece);
  const font = inlines.pdfDocument.provideFont(
    ask(piece, stack, 'font', 'Roboto'),
    ask(piece, stack, 'bold', false),
    ask(piece, stack, 'italics', false),
  );
  return {
    own,
    ownCount,
    given: {
      font,
      alignment: ask(piece, stack, 'alignment', 'left'),
      fontSize: ask(piece, stack, 'fontSize', 12),
      fontFeatures: ask(piece, stack, 'fontFeatures', null),
      characterSpacing: ask(piece, stack, 'characterSpacing', 0),
      color: ask(piece, stack, 'color', 'black'),
      decoration: ask(piece, stack, 'decoration', null),
      decorationColor: ask(piece, stack, 'decorationColor', null),
      decorationStyle: ask(piece, stack, 'decorationStyle', null),
      decorationThickness: ask(piece, stack, 'decorationThickness', null),
      background: ask(piece, stack, 'background', null),
      link: ask(piece, stack, 'link', null),
      linkToPage: ask(piece, stack, 'linkToPage', null),
      linkToDestination: ask(piece, stack, 'linkToDestination', null),
      noWrap: ask(piece, stack, 'noWrap', null),
      opacity: ask(piece, stack, 'opacity', 1),
      sup: ask(piece, stack, 'sup', false),
      sub: ask(piece, stack, 'sub', false),
    },
    lineHeight: ask(piece, stack, 'lineHeight', 1),
    preserveLeadingSpaces: ask(piece, stack, 'preserveLeadingSpaces', false),
    preserveTrailingSpaces: ask(piece, stack, 'preserveTrailingSpaces', false),
  };
}

/** A piece with nothing of its own but its text and where it may break (nearly all). */
function isBare(piece: Piece): boolean {
  for (const key in piece) if (key !== 'text' && key !== 'lineEnd' && key !== 'noNewLine') return false;
  return true;
}

/**
 * A bare piece as pdfmake leaves it measured, made whole at once: a piece grown property by
 * property (23 of them) reallocated its property store eight times, the most of a booklet's
 * garbage. pdfmake's later stages are given this one in the piece's place.
 */
function measuredCopy(piece: Piece, given: RunStyle['given']): Piece {
  return {
    text: piece.text,
    lineEnd: piece.lineEnd,
    noNewLine: piece.noNewLine,
    font: given.font,
    alignment: given.alignment,
    fontSize: given.fontSize,
    fontFeatures: given.fontFeatures,
    characterSpacing: given.characterSpacing,
    color: given.color,
    decoration: given.decoration,
    decorationColor: given.decorationColor,
    decorationStyle: given.decorationStyle,
    decorationThickness: given.decorationThickness,
    background: given.background,
    link: given.link,
    linkToPage: given.linkToPage,
    linkToDestination: given.linkToDestination,
    noWrap: given.noWrap,
    opacity: given.opacity,
    sup: given.sup,
    sub: given.sub,
    width: 0,
    height: 0,
    leadingCut: 0,
    trailingCut: 0,
  };
}

/** pdfmake's `TextInlines.measure`, asking the style once per run of alike pieces. */
function measure(this: TextInlines, pieces: Piece[], stack: StyleStack, ask: StyleLookup): Piece[] {
  const [first] = pieces;
  if (first) {
    const leadingIndent = ask(first, stack, 'leadingIndent', 0) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  let style: RunStyle | undefined;
  for (let i = 0; i < pieces.length; i++) {
    const original = pieces[i] as Piece;
    if (!style || !sameOwnStyle(original, style)) style = askStyle(this, original, stack, ask);
    const { given } = style;
    // Any other piece is given the answers in place, in pdfmake's order (that of `given`).
    const piece = isBare(original) ? measuredCopy(original, given) : Object.assign(original, given);
    pieces[i] = piece;
    if (piece.sup || piece.sub) (piece.fontSize as number) *= 0.58;
    piece.width = this.widthOfText(piece.text, piece);
    piece.height = given.font.lineHeight(piece.fontSize as number) * (style.lineHeight as number);
    if (!piece.leadingCut) piece.leadingCut = 0;
    if (!style.preserveLeadingSpaces) {
      const leadingSpaces = piece.text.match(LEADING);
      if (leadingSpaces) (piece.leadingCut as number) += this.widthOfText(leadingSpaces[0] as string, piece);
    }
    piece.trailingCut = 0;
    if (!style.preserveTrailingSpaces) {
      const trailingSpaces = piece.text.match(TRAILING);
      if (trailingSpaces) piece.trailingCut = this.widthOfText(trailingSpaces[0] as string, piece);
    }
  }
  return pieces;
}

/** Marks the replaced class (its value: pdfmake's own `measure`, for the tests). */
const replaced = Symbol.for('mokuhyo.pieceStyles');

function textInlines(): { prototype: TextInlines; [replaced]?: TextInlines['measure'] } {
  const require = createRequire(import.meta.url);
  const { default: TextInlines } = require('pdfmake/js/TextInlines.js') as {
    default: { prototype: TextInlines; [replaced]?: TextInlines['measure'] };
  };
  if (typeof TextInlines?.prototype.measure !== 'function')
    throw new Error('pdfmake has no TextInlines.measure to measure pieces with');
  return TextInlines;
}

/** Measure pieces with one style question per run of alike pieces (once per pdfmake). */
export function measurePiecesByRun(): void {
  const TextInlines = textInlines();
  if (TextInlines[replaced]) return;
  const { default: StyleContextStack } = createRequire(import.meta.url)(
    'pdfmake/js/StyleContextStack.js',
  ) as {
    default: { getStyleProperty: StyleLookup };
  };
  TextInlines[replaced] = TextInlines.prototype.measure;
  TextInlines.prototype.measure = function (this: TextInlines, pieces: Piece[], stack: StyleStack) {
    // Read from the class each time: the lookup may be replaced (style-lookup.ts, tests).
    return measure.call(this, pieces, stack, StyleContextStack.getStyleProperty);
  };
}

/** pdfmake's own `measure`, replaced by `measurePiecesByRun` (undefined before). For tests. */
export function pdfmakeMeasure(): TextInlines['measure'] | undefined {
  return textInlines()[replaced];
}
