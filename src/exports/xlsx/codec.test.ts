import { describe, expect, it } from 'vitest';
import { evaluation, goalNo, initiativeLines, parentNo, sheetDate, storedAs, valueCell } from './codec';
import { parseSheetDate } from './japanese-date';
import { safeSheetName, uniqueSheetNames } from './sheet-names';

describe('cells', () => {
  it('stores a plain number as a number only when it displays the same', () => {
    expect(storedAs('48.2')).toBe(48.2);
    expect(storedAs('-5')).toBe(-5);
    expect(storedAs('5630')).toBe(5630);
    for (const text of ['5,630', '05', '5.0', '1234567890123456', '5630人', '', '―', '1e5']) {
      expect(storedAs(text)).toBe(text);
    }
  });

  it('reads value cells with parseCell', () => {
    expect(valueCell.decode('5,630人')).toStrictEqual({ ok: true, value: { text: '5,630人', value: 5630 } });
    expect(valueCell.decode('  ')).toStrictEqual({ ok: true, value: { text: null, value: null } });
    expect(valueCell.decode('南口の工事発注')).toStrictEqual({
      ok: true,
      value: { text: '南口の工事発注', value: null },
    });
  });

  it('reads numbers people type, and refuses words', () => {
    expect(goalNo.decode('３')).toStrictEqual({ ok: true, value: 3 });
    expect(goalNo.decode('一')).toMatchObject({ ok: false });
    expect(parentNo.decode('')).toStrictEqual({ ok: true, value: null });
    expect(parentNo.decode('第1')).toMatchObject({ ok: false });
  });

  it('reads evaluations, and names the three words otherwise', () => {
    expect(evaluation.decode(' 一部未達成 ')).toStrictEqual({ ok: true, value: '一部未達成' });
    expect(evaluation.decode('ほぼ達成')).toStrictEqual({
      ok: false,
      message: '評価は「達成」「一部未達成」「未達成」のいずれかを入力してください',
    });
  });

  it('writes initiatives as bulleted lines and reads them back', () => {
    const text = initiativeLines.encode(['地域活動補助金', 'コミ協運営助成金']);
    expect(text).toBe('・地域活動補助金\n・コミ協運営助成金');
    expect(initiativeLines.decode(`${text}\n\n新しい取組`)).toStrictEqual({
      ok: true,
      value: ['地域活動補助金', 'コミ協運営助成金', '新しい取組'],
    });
  });
});

describe('dates', () => {
  it('reads dates as people write them', () => {
    expect(parseSheetDate('令和5年3月31日')).toBe('2023-03-31');
    expect(parseSheetDate('令和元年5月1日')).toBe('2019-05-01');
    expect(parseSheetDate('Ｒ５．３．３１')).toBe('2023-03-31');
    expect(parseSheetDate('2023/3/31')).toBe('2023-03-31');
    expect(parseSheetDate('2023-03-31')).toBe('2023-03-31');
    expect(parseSheetDate('平成31年4月30日')).toBe('2019-04-30');
    expect(parseSheetDate('令和5年2月30日')).toBeNull();
    expect(parseSheetDate('年度末')).toBeNull();
  });

  it('writes dates in the Japanese era and reads them back', () => {
    expect(sheetDate.encode('2022-10-01')).toBe('令和4年10月1日');
    expect(sheetDate.decode('令和4年10月1日')).toStrictEqual({ ok: true, value: '2022-10-01' });
    expect(sheetDate.decode('')).toStrictEqual({ ok: true, value: null });
  });
});

describe('worksheet names', () => {
  it('replaces what Excel forbids and keeps 31 characters', () => {
    expect(safeSheetName('総務課/庶務係[臨時]')).toBe('総務課／庶務係［臨時］');
    expect(safeSheetName("'引用'")).toBe('引用');
    expect(safeSheetName('あ'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('𠮷'.repeat(20))).toBe('𠮷'.repeat(15));
    expect(safeSheetName('   ')).toBe('シート');
  });

  it('makes names unique without regard to case, within 31 characters', () => {
    expect(uniqueSheetNames(['北出張所', '北出張所', 'history', 'ABC', 'abc'], ['_mokuhyo'])).toStrictEqual([
      '北出張所',
      '北出張所（2）',
      'history（2）',
      'ABC',
      'abc（2）',
    ]);
    const long = uniqueSheetNames(['い'.repeat(31), 'い'.repeat(31)]);
    expect(long[1]).toBe(`${'い'.repeat(28)}（2）`);
    expect(uniqueSheetNames(['_mokuhyo'], ['_mokuhyo'])).toStrictEqual(['_mokuhyo（2）']);
  });
});
