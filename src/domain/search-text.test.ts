import { describe, expect, it } from 'vitest';
import { fold, searchTerms, snippet } from './search-text';

describe('search text', () => {
  it('splits terms at half- and full-width spaces and folds widths and case', () => {
    expect(searchTerms(' 防災\u3000訓練  防災 ')).toEqual(['防災', '訓練']);
    expect(fold('ＷＬＢ１５ｶﾀｶﾅ')).toBe('wlb15カタカナ');
  });

  it('marks every match on the text as written, around the first', () => {
    expect(snippet('地域防災力の向上と防災訓練', ['防災'])).toEqual([
      { text: '地域', match: false },
      { text: '防災', match: true },
      { text: '力の向上と', match: false },
      { text: '防災', match: true },
      { text: '訓練', match: false },
    ]);
    // A half-width query finds the full-width text, and marks it as written.
    expect(snippet('参加者数１５人', ['15'])).toEqual([
      { text: '参加者数', match: false },
      { text: '１５', match: true },
      { text: '人', match: false },
    ]);
  });

  it('cuts a long text around the match', () => {
    const text = `${'あ'.repeat(100)}避難所${'い'.repeat(100)}`;
    const parts = snippet(text, ['避難所'], 40);
    expect(parts[0]).toEqual({ text: '…', match: false });
    expect(parts.at(-1)).toEqual({ text: '…', match: false });
    expect(parts.find((p) => p.match)?.text).toBe('避難所');
    expect(parts.map((p) => p.text).join('').length).toBeLessThanOrEqual(42);
  });
});
