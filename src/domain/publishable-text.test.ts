import { describe, expect, it } from 'vitest';
import { unsafeCharacters } from './publishable-text';

describe('characters that do not survive publication', () => {
  it('finds circled numbers, roman numerals, enclosed and squared letters, half-width kana, emoji', () => {
    expect(unsafeCharacters('①目標 Ⅱ期 ㈱ ㍻ ｾｰﾌﾃｨ 😀').map((u) => u.char)).toEqual([
      '①',
      'Ⅱ',
      '㈱',
      '㍻',
      'ｾ',
      'ｰ',
      'ﾌ',
      'ﾃ',
      'ｨ',
      '😀',
    ]);
  });

  it('leaves ordinary Japanese text, full-width digits, ℃ and punctuation alone', () => {
    expect(unsafeCharacters('区民が安心・安全に暮らせる（Ｒ5.2末現在）１２３ ℃ ＜参考＞ ※ ―')).toEqual([]);
    expect(unsafeCharacters(null)).toEqual([]);
  });
});
