import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { fontFamilies, fontFiles } from './fonts';

/**
 * Font work done once per thread instead of once per document. pdfkit opens every font a
 * document uses afresh — reads the file, decodes its tables, shapes every word with fontkit's
 * `layout` and decodes every glyph it embeds — which was most of the CPU of printing one sheet.
 * Here the font files are read once into pdfmake's virtual file system (pdfmake reads it before
 * the disk), so every document's fonts are made from the same bytes, and fontkit remembers, per
 * font file, what it decoded from those bytes: the tables, each glyph's outline and box, and how
 * it shaped each word. These depend on the file's bytes alone. What pdfkit does per document is
 * unchanged — its own font objects and subset of the glyphs used, their widths and ToUnicode map
 * — so the PDF's content is the same.
 */

interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}
interface ShapingFont {
  stream?: { buffer?: unknown };
  /** Set for variable fonts, whose glyphs depend on the chosen instance: nothing is shared then. */
  _variationProcessor?: unknown;
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
  directory: { tables: Record<string, { offset: number } | undefined> };
  _decodeTable(table: { offset: number }): unknown;
  getGlyph(id: number): TrueTypeGlyph;
}
interface TrueTypeGlyph {
  id: number;
  _font: ShapingFont;
  _decode(): unknown;
  _getCBox(internal?: boolean): unknown;
}
interface VirtualFiles {
  writeFileSync(path: string, content: Buffer): void;
}
interface FontkitExports {
  openSync(path: string): ShapingFont;
}

/** Marks a remembering decoder; its value is fontkit's own (for the tests). */
export const fontkitsOwn = Symbol.for('mokuhyo.fontkitsOwnDecoder');

/** Shaped words kept per font file; past this the memory is given back and shaping starts over. */
const maxRuns = 50_000;

let installed = false;

export function cacheFontsInThisThread(): void {
  if (installed) return;
  installed = true;
  // pdfmake's types leave out its virtual file system.
  const files = (pdfmake as unknown as { virtualfs: VirtualFiles }).virtualfs;
  for (const path of fontFiles) files.writeFileSync(path, readFileSync(path));
  // pdfkit requires fontkit's CommonJS build (an `import` would load its ES build, other classes).
  const fontkit = createRequire(import.meta.url)('fontkit') as FontkitExports;
  // Every bundled font is TrueType: one class, whose `layout` every document's fonts call.
  const font = fontkit.openSync(fontFamilies.primary.normal);
  const ttf = Object.getPrototypeOf(font) as ShapingFont;
  const glyph = Object.getPrototypeOf(font.getGlyph(0)) as TrueTypeGlyph;
  const layout = ttf.layout;
  const runsByFile = new WeakMap<object, Map<string, GlyphRun>>();
  ttf.layout = function layoutOnce(this: ShapingFont, text, features, ...rest) {
    const file = fileOf(this);
    if (!file || rest.some((argument) => argument !== undefined)) {
      return layout.call(this, text, features, ...rest);
    }
    let runs = runsByFile.get(file);
    if (!runs || runs.size >= maxRuns) {
      runs = new Map();
      runsByFile.set(file, runs);
    }
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = runs.get(key);
    if (!run) {
      run = layout.call(this, text, features);
      runs.set(key, run);
    }
    return copyOf(run);
  };
  // Keyed by where the table or glyph is in the file (a collection holds several fonts).
  rememberPerFile(ttf, '_decodeTable', (font, table) => [font, table.offset]);
  // The subset pdfkit embeds decodes each glyph's whole outline (to find a composite's parts),
  // and its metrics the glyph's box.
  rememberPerFile(glyph, '_decode', (glyph) => [glyph._font, glyphKey(glyph)]);
  rememberPerFile(glyph, '_getCBox', (glyph, internal) => [
    glyph._font,
    `${glyphKey(glyph)}${internal ? 'i' : ''}`,
  ]);
}

function glyphKey(glyph: TrueTypeGlyph): string {
  return `${glyph._font.directory.tables.glyf?.offset}:${glyph.id}`;
}

/** The bytes of a font's file, when what is decoded from them may be shared. */
function fileOf(font: ShapingFont): object | undefined {
  const file = font.stream?.buffer;
  if (typeof file !== 'object' || file === null || font._variationProcessor) return undefined;
  return file;
}

/**
 * Makes `owner[method]` answer from what it answered before for the same font file and key: its
 * answers are decoded from the file's bytes alone, and fontkit reads them without changing them.
 */
function rememberPerFile<T extends object, K extends keyof T & string>(
  owner: T,
  method: K,
  keyOf: (
    self: T,
    ...args: Parameters<Extract<T[K], (...args: never[]) => unknown>>
  ) => [ShapingFont, unknown],
): void {
  const decode = owner[method] as (...args: unknown[]) => unknown;
  const answersByFile = new WeakMap<object, Map<unknown, unknown>>();
  const remembering = Object.assign(
    function (this: T, ...args: Parameters<Extract<T[K], (...args: never[]) => unknown>>) {
      const [font, key] = keyOf(this, ...args);
      const file = fileOf(font);
      if (!file) return decode.apply(this, args);
      let answers = answersByFile.get(file);
      if (!answers) {
        answers = new Map();
        answersByFile.set(file, answers);
      }
      if (answers.has(key)) return answers.get(key);
      const answer = decode.apply(this, args);
      answers.set(key, answer);
      return answer;
    },
    { [fontkitsOwn]: decode },
  );
  Object.assign(owner, { [method]: remembering });
}

/** pdfkit scales a run's positions in place: each caller gets its own positions and glyph list. */
function copyOf(run: GlyphRun): GlyphRun {
  const copy = Object.create(Object.getPrototypeOf(run)) as GlyphRun;
  Object.assign(copy, run);
  copy.glyphs = [...run.glyphs];
  copy.positions = run.positions.map((position) =>
    Object.assign(Object.create(Object.getPrototypeOf(position)) as object, position),
  );
  return copy;
}
