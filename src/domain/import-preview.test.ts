import { describe, expect, it } from 'vitest';
import { importCountsText } from './import-preview';

describe('an import’s sheets in numbers', () => {
  it('says 新規・置き換え・変更なし in that order, each in 件, zeros included', () => {
    expect(importCountsText({ created: 0, replaced: 1, unchanged: 7 })).toBe(
      '新規 0件・置き換え 1件・変更なし 7件',
    );
    expect(importCountsText({ created: 8, replaced: 0, unchanged: 0 })).toBe(
      '新規 8件・置き換え 0件・変更なし 0件',
    );
  });
});
