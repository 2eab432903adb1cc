import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { describe, expect, it } from 'vitest';
import { withFallbackFonts } from './font-content';

/** How a document's texts are handed to pdfmake: runs in fallback fonts where needed. */

function document(content: Content, more: Partial<TDocumentDefinitions> = {}): TDocumentDefinitions {
  return { content, ...more };
}

describe('withFallbackFonts', () => {
  it('leaves a document BIZ UDPGothic sets alone as it was', () => {
    const content: Content = [
      '地域総務課',
      { text: '組織目標', style: 'title' },
      { table: { body: [['①', { text: 'ｶﾀｶﾅ', colSpan: 1 }]] } },
      { pageReference: 'sheet-1' },
    ];
    const input = document(content);
    expect(withFallbackFonts(input)).toEqual(input);
  });

  it('cuts a text into runs, naming the font of each run that is not BIZ UDPGothic', () => {
    const output = withFallbackFonts(document({ text: '𠮷野家😀', style: 'narrative', bold: true }));
    expect(output.content).toEqual({
      text: [{ text: '𠮷', font: 'NotoSansJP' }, { text: '野家' }, { text: '😀', font: 'NotoEmoji' }],
      style: 'narrative',
      bold: true,
    });
  });

  it('reaches texts in stacks, columns, table cells, lists, sections and inline arrays', () => {
    const output = withFallbackFonts(
      document([
        { stack: ['𠮷'] },
        { columns: [{ text: '𠮷', width: 7 }] },
        { table: { body: [[{ text: '𠮷', rowSpan: 1 }]] } },
        { ul: ['𠮷'] },
        { section: ['𠮷'] },
        { text: ['吉', { text: '𠮷', bold: true }] },
      ]),
    );
    const json = JSON.stringify(output.content);
    // Every 𠮷 is in a run of its own font; nested inlines keep their own style.
    expect(json.match(/𠮷/g)).toHaveLength(6);
    expect(json.match(/\{"text":"𠮷","font":"NotoSansJP"\}/g)).toHaveLength(5);
    expect(json).toContain('{"bold":true,"text":"𠮷","font":"NotoSansJP"}');
  });

  it('gives footers and headers that are functions of the page their fonts too', () => {
    const onPage: number[] = [];
    const output = withFallbackFonts(
      document('', {
        footer: (page) => {
          onPage.push(page);
          return { text: `${page} 𠮷` };
        },
        header: { text: '😀' },
      }),
    );
    const footer = output.footer as (page: number, pages: number) => Content;
    expect(footer(2, 3)).toEqual({ text: [{ text: '2 ' }, { text: '𠮷', font: 'NotoSansJP' }] });
    expect(onPage).toEqual([2]);
    expect(output.header).toEqual({ text: [{ text: '😀', font: 'NotoEmoji' }] });
  });

  it('does not change the document it is given', () => {
    const input = document([{ text: '𠮷' }, { table: { body: [['😀']] } }]);
    const copy = structuredClone(input);
    withFallbackFonts(input);
    expect(input).toEqual(copy);
  });
});
