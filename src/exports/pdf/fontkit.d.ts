// Minimal types for the parts of fontkit 2 (pdfkit's font engine) the PDF fonts use; it ships none.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    codePoints: number[];
    advanceWidth: number;
  }

  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    /** Every code point the font maps to a glyph. */
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** Glyphs by the cmap alone (no shaping); a variation sequence gives one glyph. */
    glyphsForString(text: string): Glyph[];
    /** Glyphs after the font's own substitutions (ligatures such as emoji sequences). */
    layout(text: string): { glyphs: Glyph[] };
  }

  /** Opens a TrueType/OpenType/WOFF file (the files used here are single fonts, not collections). */
  export function openSync(path: string): Font;
}
