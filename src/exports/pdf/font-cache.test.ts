import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { PdfWorkers, streamBytes } from '../../server/pdf-workers/pdf-workers';
import { loadSampleWardYear } from '../testing';
import { fontkitsOwn } from './font-cache';
import { fontFamilies } from './fonts';
import { renderBookletPdf } from './render';

type Decoder = ((...args: unknown[]) => unknown) & { [fontkitsOwn]?: (...args: unknown[]) => unknown };
interface Glyph {
  _decode: Decoder;
  _getCBox: Decoder;
}
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(file: Buffer): { glyphsForString(text: string): Glyph[] };
};
/** The bytes pdfkit opens a font from (pdfmake's virtual file system, see font-cache.ts). */
const fontFile = (path: string) =>
  (pdfmake as unknown as { virtualfs: { readFileSync(path: string): Buffer } }).virtualfs.readFileSync(path);

/** What fontkit's own decoder answers for `glyph`. */
function own(glyph: Glyph, decoder: Decoder): unknown {
  const original = decoder[fontkitsOwn];
  if (!original) throw new Error('not remembering');
  return original.call(glyph);
}

/** A PDF without what differs from one printing to the next: its date and its ID. */
const undated = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .replace(/\(D:\d+Z\)/g, '')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, '');

describe('font work remembered per font file', () => {
  it('gives a new font object the glyphs fontkit decodes from the file', async () => {
    const { input } = await loadSampleWardYear();
    await renderBookletPdf(input); // decodes, and remembers, every glyph the sample's text needs
    const text = [...new Set(JSON.stringify(input.sheets))].join('');
    for (const role of ['primary', 'japanese'] as const) {
      const glyphs = fontkit.create(fontFile(fontFamilies[role].normal)).glyphsForString(text);
      expect(glyphs.length).toBeGreaterThan(300);
      for (const glyph of glyphs) {
        expect(glyph._decode()).toEqual(own(glyph, glyph._decode));
        expect(glyph._getCBox()).toEqual(own(glyph, glyph._getCBox));
      }
    }
  });

  it('prints a sheet the same whether its fonts were decoded for it or for other documents', async () => {
    const { input } = await loadSampleWardYear();
    const [sheet, ...others] = input.sheets;
    if (!sheet) throw new Error('no sample sheet');
    // Two threads of their own: the first prints the sheet first, the second after the others.
    const fresh = new PdfWorkers();
    const used = new PdfWorkers();
    try {
      const first = await streamBytes(await fresh.sheet(sheet));
      for (const other of others) await streamBytes(await used.sheet(other));
      const after = await streamBytes(await used.sheet(sheet));
      expect(undated(after)).toBe(undated(first));
      expect(first.byteLength).toBeGreaterThan(10_000);
    } finally {
      await Promise.all([fresh.close(), used.close()]);
    }
  });
});
