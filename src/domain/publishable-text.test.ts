import { describe, expect, it } from 'vitest';
import { unsafeCharacters } from './publishable-text';

describe('機種依存文字, a hint of the consistency report', () => {
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
