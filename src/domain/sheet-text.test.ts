import { describe, expect, it } from 'vitest';
import {
  correctionText,
  formatSheetDate,
  indicatorLabel,
  revisionText,
  sheetCorrections,
} from './sheet-text';

describe('the sheet words every output writes', () => {
  it('dates in 和暦, nothing for a date not yet set, a malformed one as written', () => {
    expect(formatSheetDate('2023-03-31')).toBe('令和5年3月31日');
    expect(formatSheetDate(null)).toBe('');
    expect(formatSheetDate('2023-02-30x')).toBe('2023-02-30x');
  });

  it('an indicator with its unit in full-width brackets, or its name alone', () => {
    expect(indicatorLabel('定時退庁推進日実施率', '％')).toBe('定時退庁推進日実施率（％）');
    expect(indicatorLabel('講座の開催', null)).toBe('講座の開催');
  });

  it('a revision and a correction, line breaks as written with \\n', () => {
    expect(
      revisionText({
        from: { text: '50' },
        to: { text: null },
        revisedOn: '2022-09-30',
        reason: '事業\r\n縮小',
      }),
    ).toBe('修正: 50 → （なし）（令和4年9月30日）事業\n縮小');
    expect(
      correctionText(
        { name: '生活習慣病予防講座開催数', unit: '回' },
        { fiscalYear: 2022, from: '6回', to: '7回', reason: '集計誤り', correctedOn: '2023-01-10' },
      ),
    ).toBe('令和5年1月10日訂正　生活習慣病予防講座開催数（回）　R4実績　誤: 6回 → 正: 7回（集計誤り）');
  });

  it('lists the corrections of a sheet oldest first, each with its indicator', () => {
    const note = (correctedOn: string) => ({
      fiscalYear: 2021,
      from: '1',
      to: '2',
      reason: 'r',
      correctedOn,
    });
    const a = { name: 'A', corrections: [note('2023-02-01')] };
    const b = { name: 'B', corrections: [note('2023-01-01'), note('2023-03-01')] };
    const listed = sheetCorrections({ goals: [{ indicators: [a] }, { indicators: [b] }] });
    expect(listed.map((c) => `${c.indicator.name} ${c.note.correctedOn}`)).toEqual([
      'B 2023-01-01',
      'A 2023-02-01',
      'B 2023-03-01',
    ]);
  });
});
