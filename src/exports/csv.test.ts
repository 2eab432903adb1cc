import { beforeAll, describe, expect, it } from 'vitest';
import { asWritten } from '../domain/sheet-text';
import { goalNumbered, indicatorNamed } from '../server/testing/finders';
import { type CsvColumn, csvColumns, neutralizeFormula, wardYearCsv } from './csv';
import {
  allIndicators,
  loadSampleWardYear,
  parseCsv,
  type SampleWardYear,
  sampleSheetTitled,
} from './testing';

/** 地域総務課's first indicator (目標1). */
const vision = '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定';

let sample: SampleWardYear;
let csv: string;

function records(text: string): Record<CsvColumn, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual([...csvColumns]);
  return rows.map((row) => {
    expect(row).toHaveLength(csvColumns.length);
    return Object.fromEntries(csvColumns.map((column, i) => [column, row[i] ?? ''])) as Record<
      CsvColumn,
      string
    >;
  });
}

beforeAll(async () => {
  sample = await loadSampleWardYear();
  csv = wardYearCsv(sample.input);
}, 60_000);

describe('wardYearCsv', () => {
  it('is UTF-8 with a BOM, CRLF line ends and a header row', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.slice(1).split('\r\n')[0]).toBe(csvColumns.join(','));
  });

  it('has one row per indicator and year: 43 indicators × 4 years', () => {
    const rows = records(csv);
    expect(allIndicators(sample.input.sheets)).toHaveLength(43);
    expect(rows).toHaveLength(172);
    const years = rows.slice(0, 4).map((row) => [row.対象年度, row['対象年度（和暦）'], row.区分]);
    expect(years).toEqual([
      ['2019', '令和元年度', '実績'],
      ['2020', '令和2年度', '実績'],
      ['2021', '令和3年度', '実績'],
      ['2022', '令和4年度', '目標・結果'],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({
        自治体: '新潟市',
        部区: '北区',
        年度: '2022',
        '年度（和暦）': '令和4年度',
      });
    }
    const evaluated = rows.filter((row) => row.区分 === '目標・結果').map((row) => row.評価);
    const { 達成, 一部未達成, 未達成 } = sample.list.totals.evaluations;
    expect(evaluated.filter((e) => e === '達成')).toHaveLength(達成);
    expect(evaluated.filter((e) => e === '一部未達成')).toHaveLength(一部未達成);
    expect(evaluated.filter((e) => e === '未達成')).toHaveLength(未達成);
  });

  it('keeps every value as written, commas and line breaks included', () => {
    const rows = records(csv);
    allIndicators(sample.input.sheets).forEach(({ sheet, goal, indicator }, index) => {
      const [r2019, r2020, r2021, year] = rows.slice(index * 4, index * 4 + 4);
      const written = (value: string | null) => neutralizeFormula(asWritten(value));
      expect(year).toMatchObject({
        '組織名（部）': sheet.departmentName,
        '組織名（準部・課・機関名）': sheet.organizationName ?? '',
        作成日: sheet.createdOn ?? '',
        修正日: sheet.revisedOn ?? '',
        評価日: sheet.evaluatedOn ?? '',
        目標番号: String(goal.no),
        組織目標: written(goal.text),
        指標: written(indicator.name),
        単位: indicator.unit ?? '',
        目標: written(indicator.target.text),
        '目標（数値）': indicator.target.value === null ? '' : String(indicator.target.value),
        結果: written(indicator.result.text),
        '結果（数値）': indicator.result.value === null ? '' : String(indicator.result.value),
        評価: indicator.evaluation ?? '',
        '補足・参考指標': written(indicator.note),
        目標達成状況: written(indicator.achievement),
        指標ID: indicator.indicatorId,
      });
      [r2019, r2020, r2021].forEach((row, i) => {
        const actual = indicator.actuals[i];
        expect(row?.結果).toBe(written(actual?.text ?? null));
        expect(row?.評価).toBe('');
      });
    });
    const museum = rows.find((row) => row.結果.startsWith('9,068'));
    expect(museum?.結果).toBe('9,068（入館者：8,895人、館外事業参加者：173人）');
    expect(museum?.['結果（数値）']).toBe('9068');
    expect(rows.some((row) => row['補足・参考指標'].includes('\n'))).toBe(true);
    expect(csv).toContain('"9,068（入館者：8,895人、館外事業参加者：173人）"');
  });

  it('round-trips quotes, commas and line breaks, and lists target revisions', () => {
    const sheet = sampleSheetTitled(sample, '地域総務課');
    const indicator = indicatorNamed(goalNumbered(sheet, 1), vision);
    indicator.name = '「参加者数」, "延べ"\r\n（2行目）';
    indicator.revisions = [
      {
        from: { text: '55', value: 55 },
        to: { text: '50', value: 50 },
        revisedOn: '2022-09-30',
        reason: '選挙, "事務"',
      },
    ];
    const [first] = records(wardYearCsv({ ...sample.input, sheets: [sheet] })).slice(3);
    expect(first?.指標).toBe('「参加者数」, "延べ"\n（2行目）');
    expect(first?.目標の修正).toBe('修正: 55 → 50（令和4年9月30日）選挙, "事務"');
  });

  it('neutralizes formulas in text but keeps numbers and the bare dash', () => {
    const sheet = sampleSheetTitled(sample, '地域総務課');
    const indicator = indicatorNamed(goalNumbered(sheet, 1), vision);
    indicator.name = '=HYPERLINK("https://example.com","開く")';
    indicator.note = '+1+1';
    indicator.achievement = '@SUM(A1:A9)';
    indicator.target = { text: '-5', value: -5, breakdown: [] };
    indicator.result = { text: '-1+2', value: null, breakdown: [] };
    indicator.actuals = [
      { fiscalYear: 2019, text: '-', value: null, breakdown: [] },
      { fiscalYear: 2020, text: '\tタブ', value: null, breakdown: [] },
      { fiscalYear: 2021, text: '－', value: null, breakdown: [] },
    ];
    const rows = records(wardYearCsv({ ...sample.input, sheets: [sheet] }));
    const year = rows[3];
    expect(year?.指標).toBe('\'=HYPERLINK("https://example.com","開く")');
    expect(year?.['補足・参考指標']).toBe("'+1+1");
    expect(year?.目標達成状況).toBe("'@SUM(A1:A9)");
    expect(year?.目標).toBe('-5');
    expect(year?.['目標（数値）']).toBe('-5');
    expect(year?.結果).toBe("'-1+2");
    expect(rows.slice(0, 3).map((row) => row.結果)).toEqual(['-', "'\tタブ", '－']);
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@\t\r]/);
    }
  });

  it('gives △/▲ values as negative numbers, the target’s 以上/以下/超/未満, and no number for text', () => {
    const sheet = sampleSheetTitled(sample, '地域総務課');
    const indicator = indicatorNamed(goalNumbered(sheet, 1), vision);
    indicator.target = { text: '△5%以内', value: -5, breakdown: [] };
    indicator.result = { text: '▲1,200円', value: -1200, breakdown: [] };
    indicator.actuals = [
      { fiscalYear: 2019, text: '△５', value: -5, breakdown: [] },
      { fiscalYear: 2020, text: '11地区で説明会を実施', value: null, breakdown: [] },
      { fiscalYear: 2021, text: '△', value: null, breakdown: [] },
    ];
    const other = indicatorNamed(goalNumbered(sheet, 2), '避難所運営組織数');
    other.target = { text: '50％以上', value: 50, breakdown: [] };
    const rows = records(wardYearCsv({ ...sample.input, sheets: [sheet] }));
    expect(rows.slice(0, 4).map((row) => [row.結果, row['結果（数値）'], row.目標の条件])).toEqual([
      ['△５', '-5', ''],
      ['11地区で説明会を実施', '', ''],
      ['△', '', ''],
      ['▲1,200円', '-1200', '以下'],
    ]);
    expect(rows[3]?.['目標（数値）']).toBe('-5');
    expect(rows[7]?.目標の条件).toBe('以上');
    expect(records(csv).filter((row) => row.目標の条件 !== '')).toEqual([]);
  });
});
