import { describe, expect, it } from 'vitest';
import seed from '../db/seed/niigata-kita-2022.json';
import { formatNumber, normalizeDigits, parseCell } from './cell-value';

describe('normalizeDigits', () => {
  it('turns full-width digits into ASCII', () => {
    expect(normalizeDigits('０１２３４５６７８９')).toBe('0123456789');
    expect(normalizeDigits('委員会２回')).toBe('委員会2回');
  });

  it('turns full-width separators, percent and signs next to digits into ASCII', () => {
    expect(normalizeDigits('１，２３４．５')).toBe('1,234.5');
    expect(normalizeDigits('３３．８３％')).toBe('33.83%');
    expect(normalizeDigits('－５')).toBe('-5');
    expect(normalizeDigits('＋５')).toBe('+5');
    expect(normalizeDigits('−５')).toBe('-5');
  });

  it('leaves other characters alone', () => {
    expect(normalizeDigits('－')).toBe('－');
    expect(normalizeDigits('％')).toBe('％');
    expect(normalizeDigits('入館者：８人、計．')).toBe('入館者：8人、計．');
    expect(normalizeDigits('Ｒ５．２末現在')).toBe('Ｒ5.2末現在');
    expect(normalizeDigits('南口の工事発注')).toBe('南口の工事発注');
  });

  it('keeps the length of the input', () => {
    const s = '９，０６８（入館者：８，８９５人）';
    expect(normalizeDigits(s)).toHaveLength(s.length);
  });
});

describe('parseCell: empty and none', () => {
  it.each([null, undefined, '', '   ', '\u3000'])('%j is empty', (input) => {
    expect(parseCell(input)).toEqual({
      text: null,
      value: null,
      unit: null,
      qualifier: null,
      breakdown: [],
      kind: 'empty',
    });
  });

  it.each(['―', '-', '－', '—', '‐', 'ー', '−', ' ― '])('%j is none', (input) => {
    expect(parseCell(input)).toEqual({
      text: input.trim(),
      value: null,
      unit: null,
      qualifier: null,
      breakdown: [],
      kind: 'none',
    });
  });
});

describe('parseCell: leading number', () => {
  it.each([
    ['5,630人', 5630, '人'],
    ['322,750円', 322750, '円'],
    ['48.2', 48.2, null],
    ['85.0', 85, null],
    ['0', 0, null],
    ['1,000,000', 1000000, null],
    ['２００人以上', 200, '人'],
    ['７回', 7, '回'],
    ['33.83％', 33.83, '％'],
    ['100%', 100, '％'],
    ['3地区', 3, '地区'],
    ['12時間', 12, '時間'],
    ['5か所', 5, 'か所'],
    ['4団体', 4, '団体'],
    ['1.5倍', 1.5, '倍'],
    ['10ha', 10, 'ha'],
    ['5 人', 5, '人'],
    ['-5', -5, null],
    ['－５日', -5, '日'],
    ['+3件', 3, '件'],
    ['・５回', 5, '回'],
    ['※12', 12, null],
    ['812人（Ｒ5.2末現在）', 812, '人'],
    ['20回（Ｒ5.3末現在）', 20, '回'],
    ['12（NP講座６回は新型コロナのため開催できず）', 12, null],
    ['33.83％ (4,581人) 市受診率36.46％', 33.83, '％'],
    ['26.81％ (3,569人) 市受診率29.01％（R4年3月5日報告分）', 26.81, '％'],
    ['3日間', 3, '日'],
    ['2か月', 2, 'か月'],
    ['5ポイント', 5, 'ポイント'],
    ['1,200メートル', 1200, 'メートル'],
    ['300アクセス以上', 300, 'アクセス'],
    ['12kWh', 12, 'kWh'],
  ])('%j → %d %s', (input, value, unit) => {
    const cell = parseCell(input);
    expect(cell.kind).toBe('number');
    expect(cell.value).toBe(value);
    expect(cell.unit).toBe(unit);
  });

  it('keeps the text as written, trimmed of outer whitespace only', () => {
    expect(parseCell('  ２００人以上 ').text).toBe('２００人以上');
  });
});

describe('parseCell: labelled number', () => {
  it.each([
    ['・委員会２回', 2, '回'],
    ['・座談会８回', 8, '回'],
    ['必要な対象者への支援 100%', 100, '％'],
    ['約100人', 100, '人'],
    ['委員会2回（内、書面開催１回）', 2, '回'],
    ['参加者：120人', 120, '人'],
    ['前年比 -5%', -5, '％'],
    ['開催 3回以上', 3, '回'],
    ['NP講座6', 6, null],
  ])('%j → %d %s', (input, value, unit) => {
    const cell = parseCell(input);
    expect(cell.kind).toBe('number');
    expect(cell.value).toBe(value);
    expect(cell.unit).toBe(unit);
  });
});

describe('parseCell: milestone', () => {
  it.each([
    '南口の工事発注',
    '対象者に対しての全数',
    '中止',
    '多世代交流カフェ１１回 子育て支援講座４回',
    '・委員会2回・座談会8回',
    '・委員会3回（内、書面開催１回）・座談会8回・講演会の開催',
    'R4目標',
    'NP6',
    'Ｒ5.2末現在',
    '完成は3年後の予定',
    '（100人）',
    // A number that starts a sentence is part of it, not the cell's value.
    '11地区で説明会を実施',
    '１１地区で説明会を実施',
    '3年後に完成予定',
    '100以上達成',
    '5回開催し、参加者は延べ120人',
    '2回目の説明会を開催',
    // Two bare numbers: which one is the value cannot be told.
    '10人 20人',
    '10人、20人',
    '3回・5回',
  ])('%j has no value', (input) => {
    expect(parseCell(input)).toMatchObject({ text: input, value: null, unit: null, kind: 'milestone' });
  });
});

describe('parseCell: △ and ▲ mean minus', () => {
  it.each([
    ['△5', -5, null],
    ['▲5', -5, null],
    ['△５', -5, null],
    ['▲1,200円', -1200, '円'],
    ['▲１，２００円', -1200, '円'],
    ['△0.5', -0.5, null],
    ['△ 5', -5, null],
    ['△　５％', -5, '％'],
    ['△5%以上', -5, '％'],
    ['前年比△5%', -5, '％'],
    ['前年比 ▲３件', -3, '件'],
    ['・△12人', -12, '人'],
    ['△100（R4.3末現在）', -100, null],
  ])('%j → %d %s', (input, value, unit) => {
    const cell = parseCell(input);
    expect(cell).toMatchObject({ text: input, value, unit, kind: 'number' });
  });

  it('reads zero as zero, not minus zero', () => {
    expect(Object.is(parseCell('△0').value, 0)).toBe(true);
    expect(Object.is(parseCell('-0').value, 0)).toBe(true);
  });

  it('reads the sign inside a breakdown', () => {
    expect(parseCell('△300円（収入：1,000円、支出：▲1,300円）')).toMatchObject({
      value: -300,
      unit: '円',
      breakdown: [
        { label: '収入', value: 1000, unit: '円' },
        { label: '支出', value: -1300, unit: '円' },
      ],
    });
    expect(parseCell('5（増：８人、減：△３人）').breakdown).toEqual([
      { label: '増', value: 8, unit: '人' },
      { label: '減', value: -3, unit: '人' },
    ]);
  });

  it('does not take △ away from a number it is not right before', () => {
    expect(parseCell('△')).toMatchObject({ text: '△', value: null, kind: 'milestone' });
    expect(parseCell('▲')).toMatchObject({ text: '▲', value: null, kind: 'milestone' });
    expect(parseCell('△印の地区')).toMatchObject({ value: null, kind: 'milestone' });
    expect(parseCell('△印3か所')).toMatchObject({ value: 3, unit: 'か所', kind: 'number' });
    expect(parseCell('5△')).toMatchObject({ value: null, kind: 'milestone' });
    expect(parseCell('5（△は減）').value).toBe(5);
    expect(parseCell('5（△は減）').breakdown).toEqual([]);
  });

  it('leaves △ and ▲ as written in normalized text', () => {
    expect(normalizeDigits('△５')).toBe('△5');
  });
});

describe('parseCell: 以上 / 以下 / 超 / 未満 are the qualifier', () => {
  it.each([
    ['50％以上', 50, '％', 'atLeast'],
    ['10件以下', 10, '件', 'atMost'],
    ['3回超', 3, '回', 'above'],
    ['5%未満', 5, '％', 'below'],
    ['3日以内', 3, '日', 'atMost'],
    ['100超え', 100, null, 'above'],
    ['５０％以上', 50, '％', 'atLeast'],
    ['５０％　以上', 50, '％', 'atLeast'],
    ['50 ％ 以上', 50, '％', 'atLeast'],
    ['50 以上', 50, null, 'atLeast'],
    ['50以上', 50, null, 'atLeast'],
    ['２００人以上', 200, '人', 'atLeast'],
    ['10ha以上', 10, 'ha', 'atLeast'],
    ['開催 3回以上', 3, '回', 'atLeast'],
    ['待機日数：5日未満', 5, '日', 'below'],
    ['△5%以下', -5, '％', 'atMost'],
    ['50％以上（R3実績並み）', 50, '％', 'atLeast'],
  ])('%j → %d %s %s', (input, value, unit, qualifier) => {
    expect(parseCell(input)).toMatchObject({ value, unit, qualifier, kind: 'number' });
  });

  it.each([
    '50',
    '50％',
    '約100人',
    '100人程度',
    '100人 前後',
    '9,068（入館者：8,895人、館外事業参加者：173人）',
  ])('%j has none', (input) => {
    expect(parseCell(input).qualifier).toBeNull();
  });

  it('has none for a cell without a value', () => {
    expect(parseCell('以上').qualifier).toBeNull();
    expect(parseCell('以上').kind).toBe('milestone');
    expect(parseCell('－').qualifier).toBeNull();
  });
});

describe('parseCell: breakdown', () => {
  it('reads a labelled breakdown in full-width brackets', () => {
    expect(parseCell('9,068（入館者：8,895人、館外事業参加者：173人）')).toEqual({
      text: '9,068（入館者：8,895人、館外事業参加者：173人）',
      value: 9068,
      unit: null,
      qualifier: null,
      breakdown: [
        { label: '入館者', value: 8895, unit: '人' },
        { label: '館外事業参加者', value: 173, unit: '人' },
      ],
      kind: 'number',
    });
  });

  it('reads half-width brackets, colons and commas', () => {
    expect(parseCell('30回 (講座: 20回, 相談会: 10回)').breakdown).toEqual([
      { label: '講座', value: 20, unit: '回' },
      { label: '相談会', value: 10, unit: '回' },
    ]);
  });

  it('keeps full-width digits in labels as written and reads full-width numbers', () => {
    expect(parseCell('１０（第２会場：４人，第３会場：６人）').breakdown).toEqual([
      { label: '第２会場', value: 4, unit: '人' },
      { label: '第３会場', value: 6, unit: '人' },
    ]);
  });

  it.each([
    '812人（Ｒ5.2末現在）',
    '26.81％ (3,569人) 市受診率29.01％（R4年3月5日報告分）',
    '6回（1回はコロナのため開催できず）',
    '5（内訳：3人、ほか若干名）',
    '5（）',
  ])('finds no breakdown in %j', (input) => {
    expect(parseCell(input).breakdown).toEqual([]);
  });
});

type SeedCell = { text: string | null; value: number | null };

const seedCells = seed.sheets.flatMap((sheet) =>
  sheet.goals.flatMap((goal) =>
    goal.indicators.flatMap((indicator) => {
      const cells: [string, SeedCell][] = [
        ...Object.entries(indicator.actuals).map(([year, cell]): [string, SeedCell] => [`${year}実績`, cell]),
        ['目標', indicator.target],
        ['結果', indicator.result],
      ];
      return cells.map(([column, cell]) => ({
        where: `${sheet.organization ?? sheet.department} 目標${goal.no} ${indicator.name} ${column}`,
        cell,
      }));
    }),
  ),
);

/**
 * Seed cells whose hand-set value disagrees with the parser. None so far: every cell of the
 * 新潟市北区 令和4年度 sheets parses to the value people set.
 */
const knownExceptions: readonly string[] = [];

describe('parseCell on the seed (新潟市北区 令和4年度)', () => {
  it('covers every cell of every indicator', () => {
    expect(seedCells).toHaveLength(43 * 5);
  });

  it.each(seedCells.filter(({ cell }) => !knownExceptions.includes(cell.text ?? '')))(
    '$where: $cell.text',
    ({ cell }) => {
      const parsed = parseCell(cell.text);
      expect(parsed.value).toBe(cell.value);
      expect(parsed.text).toBe(cell.text);
    },
  );

  it('reads the breakdown of the 郷土博物館 visitors', () => {
    const cells = seedCells.filter(({ cell }) => cell.text?.includes('入館者：'));
    expect(cells).toHaveLength(4);
    for (const { cell } of cells) {
      const parsed = parseCell(cell.text);
      expect(parsed.breakdown.map((b) => b.label)).toEqual(['入館者', '館外事業参加者']);
      expect(parsed.breakdown.reduce((sum, b) => sum + b.value, 0)).toBe(parsed.value);
    }
  });
});

describe('formatNumber', () => {
  it.each([
    [5630, '5,630'],
    [48.2, '48.2'],
    [322750, '322,750'],
    [0, '0'],
    [85, '85'],
    [1000000, '1,000,000'],
    [-1234.5, '-1,234.5'],
    [33.83, '33.83'],
  ])('%d → %s', (n, expected) => {
    expect(formatNumber(n)).toBe(expected);
  });
});
