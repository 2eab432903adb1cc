import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { fontFamilies, fontFiles } from './fonts';

/**
 * Font work done once per thread instead of once per document. pdfkit opens every font a
 * document uses afresh — reads the file and shapes every word again with fontkit's `layout` —
 * which was about a third of the CPU of printing one sheet. Here the font files are read once
 * into pdfmake's virtual file system (pdfmake reads it before the disk), so every document's
 * fonts are made from the same bytes, and fontkit's `layout` remembers, per font file, how it
 * shaped each word. What pdfkit does per document is unchanged — its own subset of the glyphs
 * used, their widths and ToUnicode map — so the PDF's content is the same.
 */

interface GlyphRun {
  glyphs: unknown[];
  positions: object[];
}
interface ShapingFont {
  stream?: { buffer?: unknown };
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
}
interface VirtualFiles {
  writeFileSync(path: string, content: Buffer): void;
}
interface FontkitExports {
  openSync(path: string): ShapingFont;
}

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
  const ttf = Object.getPrototypeOf(fontkit.openSync(fontFamilies.primary.normal)) as ShapingFont;
  const layout = ttf.layout;
  const runsByFile = new WeakMap<object, Map<string, GlyphRun>>();
  ttf.layout = function layoutOnce(this: ShapingFont, text, features, ...rest) {
    const file = this.stream?.buffer;
    if (typeof file !== 'object' || file === null || rest.some((argument) => argument !== undefined)) {
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
