import { describe, expect, it } from 'vitest';
import { pageCharacters, subsetFontFaces } from './web-fonts';

const fontsource = `/* biz-udpgothic-[1]-400-normal */
@font-face {
  font-family: 'BIZ UDPGothic';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/biz-udpgothic-1-400-normal.woff2) format('woff2'), url(./files/biz-udpgothic-1-400-normal.woff) format('woff');
  unicode-range: U+20bb7,U+4e00-4e02,U+9ad9;
}

/* biz-udpgothic-[0]-400-normal */
@font-face {
  font-family: 'BIZ UDPGothic';
  font-style: normal;
  font-display: swap;
  font-weight: 400;
  src: url(./files/biz-udpgothic-0-400-normal.woff2) format('woff2'), url(./files/biz-udpgothic-0-400-normal.woff) format('woff');
  unicode-range: U+25ee8,U+25f23;
}
body { margin: 0; }
`;

describe('the characters pages draw with the web font', () => {
  const characters = pageCharacters();
  const has = (text: string) => [...text].every((c) => characters.has(c.codePointAt(0) ?? 0));

  it('hold ASCII, kana, JIS X 0208 level 1 and 2 kanji and the symbols offices type', () => {
    expect(has('ABC xyz 0-9 (%)')).toBe(true);
    expect(has('ひらがな カタカナ ｶﾀｶﾅ ー・「」、。〜')).toBe(true);
    expect(has('組織目標管理地域総務課')).toBe(true); // level 1
    expect(has('冑凛')).toBe(true); // level 2
    expect(has('①Ⅰ㈱㍻㎡※〒')).toBe(true); // NEC row 13 and JIS symbols
  });

  it('leave rarer characters to the system font', () => {
    expect(has('𠮷')).toBe(false); // U+20BB7, outside JIS X 0208
    expect(has('髙')).toBe(true); // an IBM extension Japanese offices use
  });
});

describe('the web font faces', () => {
  const keep = new Set([0x4e00, 0x4e02, 0x9ad9]);
  const css = subsetFontFaces(fontsource, keep);

  it('keep each slice with a kept character, narrowed to those characters, woff2 only', () => {
    expect(css).toContain('unicode-range:U+4e00,U+4e02,U+9ad9;');
    expect(css).toContain("src:url(./files/biz-udpgothic-1-400-normal.woff2) format('woff2');");
    expect(css).not.toContain('.woff)');
    expect(css).toContain('font-display: swap;');
    expect(css).toContain('font-weight: 400;');
  });

  it('drop the slices that hold none and leave other rules alone', () => {
    expect(css).not.toContain('biz-udpgothic-0-400');
    expect(css.match(/@font-face/g)).toHaveLength(1);
    expect(css).toContain('body { margin: 0; }');
  });
});
