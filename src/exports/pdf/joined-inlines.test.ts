import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetDetail } from '../../schemas/sheet';
import { loadSampleWardYear } from '../testing';
import { renderBookletPdf, renderSheetPdf } from './index';
import { joinedInlines, type LaidOutInline } from './joined-inlines';
import { type PagePixels, pdfPages, pdfText } from './poppler';

const font = { name: 'BIZUDPGothic-Regular' };
const bold = { name: 'BIZUDPGothic-Bold' };

/** Pieces of one line as pdfmake lays them out: each starts where the one before it ends. */
function line(...pieces: Partial<LaidOutInline>[]): LaidOutInline[] {
  let x = 0;
  return pieces.map((piece) => {
    const inline: LaidOutInline = { text: '字', font, fontSize: 9, width: 9, x, ...piece };
    x = inline.x + inline.width;
    return inline;
  });
}

const texts = (inlines: LaidOutInline[]) => inlines.map((inline) => inline.text);

describe('touching pieces that look the same are drawn as one', () => {
  it('joins a line of kanji and kana into one text with the width of all', () => {
    const joined = joinedInlines(line({ text: '地' }, { text: '域' }, { text: 'の' }, { text: '活性化' }));
    expect(texts(joined)).toEqual(['地域の活性化']);
    expect(joined[0]).toMatchObject({ x: 0, width: 36 });
  });

  it('keeps apart pieces of another font, size, colour or opacity, or not touching', () => {
    expect(texts(joinedInlines(line({ text: 'あ' }, { text: 'い', font: bold }, { text: 'う' })))).toEqual([
      'あ',
      'い',
      'う',
    ]);
    expect(texts(joinedInlines(line({ text: 'あ' }, { text: 'い', fontSize: 10 })))).toEqual(['あ', 'い']);
    expect(texts(joinedInlines(line({ text: 'あ' }, { text: 'い', color: 'red' })))).toEqual(['あ', 'い']);
    expect(texts(joinedInlines(line({ text: 'あ' }, { text: 'い', opacity: 0.5 })))).toEqual(['あ', 'い']);
    const gap = line({ text: 'あ' }, { text: 'い' });
    gap[1] = { ...(gap[1] as LaidOutInline), x: 12 };
    expect(texts(joinedInlines(gap))).toEqual(['あ', 'い']);
  });

  it('keeps apart whatever is drawn differently alone: links, decorations, spacing, raised text', () => {
    for (const apart of [
      { link: 'https://example.jp/' },
      { linkToPage: 2 },
      { linkToDestination: 'goal-1' },
      { _pageNodeRef: {} },
      { decoration: 'underline' },
      { background: 'yellow' },
      { sup: true },
      { sub: true },
      { characterSpacing: 1 },
      { fontFeatures: ['palt'] },
    ]) {
      expect(
        texts(joinedInlines(line({ text: 'あ' }, { text: 'い', ...apart }, { text: 'う' }))),
        JSON.stringify(apart),
      ).toEqual(['あ', 'い', 'う']);
    }
  });

  it('keeps apart the characters set on their own: emoji, skin tones, variation selectors, joiners', () => {
    for (const text of ['👍', '🏽', '葛\u{E0100}', '1\uFE0F\u20E3', '👨\u200D👩']) {
      expect(texts(joinedInlines(line({ text: 'あ' }, { text }, { text: 'う' }))), text).toEqual([
        'あ',
        text,
        'う',
      ]);
    }
  });
});

describe('PDFs drawn with joined pieces', () => {
  let sheet: SheetDetail;
  let sheets: SheetDetail[];
  beforeAll(async () => {
    const sample = await loadSampleWardYear();
    sheets = sample.input.sheets;
    const found = sheets.find((s) => s.title === '地域総務課');
    if (!found) throw new Error('地域総務課 is missing from the sample');
    // Emoji, a skin tone, a variation sequence and a character only Noto Sans JP has, among kana.
    sheet = { ...structuredClone(found), purpose: `${found.purpose}👍🏽 葛\u{E0100}城と𠮷野家 ✅` };
  }, 60_000);

  /** Renders with pdfmake's own `renderLine` (every piece drawn alone) instead of the joining one. */
  async function drawnPieceByPiece<T>(render: () => Promise<T>): Promise<T> {
    await renderSheetPdf(sheet); // pdfmake is configured (and its renderer wrapped) by a first document
    const { default: Renderer } = createRequire(import.meta.url)('pdfmake/js/Renderer.js');
    const joining = Renderer.prototype.renderLine;
    const own = joining[Symbol.for('mokuhyo.joiningLines')];
    expect(typeof own).toBe('function');
    Renderer.prototype.renderLine = own;
    try {
      return await render();
    } finally {
      Renderer.prototype.renderLine = joining;
    }
  }

  /**
   * The pixels that differ between two drawings of the same pages. Every glyph keeps its place,
   * but a text drawn from another origin may be rounded to other pixels by poppler (36 pixels of
   * 「円」 after 「322,750」 on one page of the booklet at 72 dpi): a few pixels, never a line.
   */
  function differingPixels(a: PagePixels[], b: PagePixels[]): number[] {
    expect(a.map((page) => [page.width, page.height])).toEqual(b.map((page) => [page.width, page.height]));
    return a.map((page, index) => {
      const other = b[index]?.pixels ?? new Uint8Array();
      let count = 0;
      for (let i = 0; i < page.pixels.length; i++) if (page.pixels[i] !== other[i]) count++;
      return count;
    });
  }

  it('a sheet looks the same and reads the same, in a smaller file', async () => {
    const joined = await renderSheetPdf(sheet);
    const alone = await drawnPieceByPiece(() => renderSheetPdf(sheet));
    const differing = differingPixels(pdfPages(joined, 150), pdfPages(alone, 150));
    expect(Math.max(...differing)).toBeLessThanOrEqual(50); // of 1.75 million a page
    expect(pdfText(joined, 'raw')).toBe(pdfText(alone, 'raw'));
    expect(joined.length).toBeLessThan(alone.length);
  });

  it('a booklet (cover, contents with page numbers, every sheet) looks and reads the same', async () => {
    // Two sheets are enough for the cover's title (letter-spaced, so drawn piece by piece as
    // before) and the contents' page references.
    const input = {
      municipality: '新潟市',
      ward: '北区',
      fiscalYear: 2022,
      issuedOn: '2023-06-01',
      sheets: sheets.slice(0, 2),
    };
    const joined = await renderBookletPdf(input);
    const alone = await drawnPieceByPiece(() => renderBookletPdf(input));
    const differing = differingPixels(pdfPages(joined, 72), pdfPages(alone, 72));
    expect(differing.length).toBeGreaterThan(input.sheets.length);
    expect(Math.max(...differing)).toBeLessThanOrEqual(50); // of 500,000 a page
    expect(pdfText(joined, 'raw')).toBe(pdfText(alone, 'raw'));
    expect(joined.length).toBeLessThan(alone.length);
  });
});
