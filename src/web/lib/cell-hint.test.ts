import { describe, expect, it } from 'vitest';
import { cellHint } from './cell-hint';

describe('cellHint', () => {
  it('says the number the server will store, with its sign and its qualifier', () => {
    expect(cellHint('1,234人')).toBe('数値：1,234');
    expect(cellHint('△5')).toBe('数値：-5');
    expect(cellHint('▲１，２００円')).toBe('数値：-1,200');
    expect(cellHint('50％以上')).toBe('数値：50以上');
    expect(cellHint('3日以内')).toBe('数値：3以下');
    expect(cellHint('3回超')).toBe('数値：3超');
    expect(cellHint('5%未満')).toBe('数値：5未満');
  });

  it('says why there is none', () => {
    expect(cellHint('')).toBeNull();
    expect(cellHint('－')).toBe('数値：なし（値がないことを表す記号）');
    expect(cellHint('11地区で説明会を実施')).toBe(
      '数値：なし（文字のまま記録します。割合による目安は出ません）',
    );
    expect(cellHint('△')).toBe('数値：なし（文字のまま記録します。割合による目安は出ません）');
  });
});
