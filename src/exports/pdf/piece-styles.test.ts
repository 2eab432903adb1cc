import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { loadSampleWardYear } from '../testing';
import { openDocument, pdfBytes } from './pdfmake';
import { pdfmakeMeasure } from './piece-styles';
import { renderBookletPdf } from './render';
import { defaultStyle, styles } from './theme';

type Piece = Record<string, unknown>;
type Measure = (this: unknown, pieces: Piece[], stack: unknown) => Piece[];
const { default: TextInlines } = createRequire(import.meta.url)('pdfmake/js/TextInlines.js') as {
  default: { prototype: { measure: Measure } };
};

/**
 * Runs `work` with every measurement checked against pdfmake's own, made on copies of the same
 * pieces with the same style stack; returns the pieces checked and how they differed.
 */
async function checkingMeasure(
  work: () => Promise<unknown>,
): Promise<{ pieces: number; differing: string[] }> {
  await work(); // configures pdfmake (and replaces its measure)
  const ours = TextInlines.prototype.measure;
  const theirs = pdfmakeMeasure() as Measure | undefined;
  if (!theirs) throw new Error('measure not replaced');
  let pieces = 0;
  const differing: string[] = [];
  TextInlines.prototype.measure = function (this: unknown, measured: Piece[], stack: unknown) {
    const copies = measured.map((piece) => ({ ...piece }));
    theirs.call(this, copies, stack);
    const answer = ours.call(this, measured, stack);
    answer.forEach((piece, index) => {
      pieces++;
      const expected = copies[index] as Piece;
      const keys = new Set([...Object.keys(piece), ...Object.keys(expected)]);
      for (const key of keys) {
        if (!Object.is(piece[key], expected[key]) && differing.length < 10)
          differing.push(
            `${String(piece.text)} ${key}: ${String(piece[key])} instead of ${String(expected[key])}`,
          );
      }
    });
    return answer;
  };
  try {
    await work();
  } finally {
    TextInlines.prototype.measure = ours;
  }
  return { pieces, differing };
}

describe('text pieces measured with their style asked once per run of alike pieces', () => {
  it('measures every piece of a booklet exactly as pdfmake does', async () => {
    const { input } = await loadSampleWardYear();
    const { pieces, differing } = await checkingMeasure(() =>
      renderBookletPdf({ ...input, issuedOn: '2023-04-01' }),
    );
    expect(differing).toEqual([]);
    expect(pieces).toBeGreaterThan(10_000);
  });

  it('measures pieces of differing styles, cuts and indents as pdfmake does', async () => {
    const document: TDocumentDefinitions = {
      defaultStyle,
      styles: { ...styles, emphasis: { bold: true, color: '#c00000' } },
      content: [
        {
          text: [
            '　字下げのある段落  ',
            { text: '太字の語', bold: true },
            { text: '太字の語', bold: true, decoration: 'underline' },
            { text: 'リンク ', link: 'https://example.jp/', color: 'blue' },
            { text: '上付き', sup: true },
            { text: '下付き', sub: true, fontSize: 12 },
            { text: '強調', style: 'emphasis' },
            { text: '  空白を残す  ', preserveLeadingSpaces: true, preserveTrailingSpaces: true },
            '改行の前\n改行の後',
            { text: '字間', characterSpacing: 1.5 },
            // A word across two inlines: its first piece must stay on the line with the next.
            ' Niigata',
            { text: 'Kita', bold: true },
          ],
          leadingIndent: 12,
          style: 'emphasis',
        },
        { text: 'ノーラップ noWrap', noWrap: true, lineHeight: 1.4 },
      ],
    };
    const { pieces, differing } = await checkingMeasure(async () => pdfBytes(await openDocument(document)));
    expect(differing).toEqual([]);
    expect(pieces).toBeGreaterThan(40);
  });
});
