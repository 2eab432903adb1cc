import { beforeAll, describe, expect, it } from 'vitest';
import { evaluations } from '../../domain/evaluation';
import { asWritten, indicatorLabel } from '../../domain/sheet-text';
import type { SheetDetail } from '../../schemas/sheet';
import { allIndicators, loadSampleWardYear, type SampleWardYear } from '../testing';
import { renderBookletPdf, renderSheetPdf } from './index';
import { pdfInfo, pdfText, squeeze } from './poppler';

let sample: SampleWardYear;
let sheet: SheetDetail;
let sheetPdf: Buffer;
let bookletPdf: Buffer;
const progress: [number, number][] = [];
const timings: Record<string, number> = {};

async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  timings[name] = Math.round(performance.now() - start);
  return result;
}

beforeAll(async () => {
  sample = await loadSampleWardYear();
  const found = sample.input.sheets.find((s) => s.title === '地域総務課');
  if (!found) throw new Error('地域総務課 is missing from the sample');
  sheet = found;
  sheetPdf = await timed('sheet', () => renderSheetPdf(sheet));
  bookletPdf = await timed('booklet', () =>
    renderBookletPdf({ ...sample.input, issuedOn: '2023-06-01' }, (done, total) =>
      progress.push([done, total]),
    ),
  );
  console.info(`render times (ms): ${JSON.stringify(timings)}`);
}, 120_000);

/** Every text an indicator shows, as written. */
function indicatorTexts(indicator: SheetDetail['goals'][number]['indicators'][number]): string[] {
  return [
    indicatorLabel(asWritten(indicator.name), indicator.unit),
    ...indicator.actuals.map((cell) => cell.text ?? ''),
    indicator.target.text ?? '',
    indicator.result.text ?? '',
    indicator.note ?? '',
    indicator.achievement ?? '',
  ].filter((text) => text !== '');
}

function missingTexts(pdf: Buffer, sheets: SheetDetail[]): string[] {
  const text = squeeze(pdfText(pdf, 'raw'));
  const expected = [
    ...allIndicators(sheets).flatMap(({ goal, indicator }) => [
      goal.text,
      ...goal.initiatives,
      ...indicatorTexts(indicator),
    ]),
    ...sheets.flatMap((s) => [s.purpose, s.approach, s.outcome, s.phone].filter((t) => t !== null)),
  ];
  return expected.filter((t) => !text.includes(squeeze(t)));
}

/** Cells of the 評価 column: in the layout text they stand alone between spaces. */
function evaluationCounts(pdf: Buffer): Record<string, number> {
  const tokens = pdfText(pdf, 'layout').split(/\s+/);
  return Object.fromEntries(evaluations.map((e) => [e, tokens.filter((token) => token === e).length]));
}

function expectedEvaluationCounts(sheets: SheetDetail[]): Record<string, number> {
  const all = allIndicators(sheets).map(({ indicator }) => indicator.evaluation);
  return Object.fromEntries(evaluations.map((e) => [e, all.filter((x) => x === e).length]));
}

function expectA4Landscape(pdf: Buffer): void {
  expect(pdfInfo(pdf)['Page size']).toBe('841.89 x 595.28 pts (A4)');
}

describe('renderSheetPdf', () => {
  it('is an A4 landscape PDF with the page number and organization in the footer', () => {
    expect(sheetPdf.subarray(0, 5).toString()).toBe('%PDF-');
    expectA4Landscape(sheetPdf);
    const info = pdfInfo(sheetPdf);
    const pages = Number(info.Pages);
    expect(info.Title).toBe('令和4年度 組織目標管理シート 北区 地域総務課');
    const lastPage = pdfText(sheetPdf, 'layout', { first: pages, last: pages });
    expect(lastPage).toMatch(new RegExp(`北区 地域総務課\\s+${pages}\\s*/\\s*${pages}`));
  });

  it('prints the title, the header block and the column labels of the year', () => {
    const text = pdfText(sheetPdf, 'layout');
    expect(text).toMatch(/^\s*組織目標管理シート\s*$/m);
    for (const label of [
      '年度',
      '令和4年度',
      '部区',
      '北区',
      '組織名（部）',
      '地域総務課',
      '組織名（準部・課・機関名）',
    ]) {
      expect(text).toContain(label);
    }
    for (const label of ['作成日', '令和4年4月1日', '修正日', '令和4年10月1日', '評価日', '令和5年3月31日']) {
      expect(text).toContain(label);
    }
    expect(text).toContain('問合せ先（電話番号）');
    expect(text).toContain('025-387-1150');
    expect(text).toContain('組織の目的');
    expect(text).toMatch(/項目（単位）\s+R1実績\s+R2実績\s+R3実績\s+R4目標\s+R4結果/);
    for (const label of ['No.', '組織目標', '主な取組（事業）', '補足・参考指標', '目標達成状況', '評価']) {
      expect(text).toContain(label);
    }
    expect(squeeze(text)).toContain(
      squeeze('取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）'),
    );
    expect(squeeze(text)).toContain(
      squeeze('取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）'),
    );
  });

  it('prints every indicator, value and narrative as written', () => {
    expect(missingTexts(sheetPdf, [sheet])).toEqual([]);
  });

  it('prints every evaluation', () => {
    expect(evaluationCounts(sheetPdf)).toEqual(expectedEvaluationCounts([sheet]));
    expect(evaluationCounts(sheetPdf)).toEqual({ 達成: 2, 一部未達成: 1, 未達成: 1 });
  });
});

describe('renderBookletPdf', () => {
  it('is A4 landscape, with a cover naming the year, the ward and the date of issue', () => {
    expectA4Landscape(bookletPdf);
    const cover = pdfText(bookletPdf, 'layout', { first: 1, last: 1 });
    expect(cover).toContain('令和4年度 組織目標管理シート');
    expect(cover).toContain('新潟市 北区');
    expect(cover).toContain('令和5年6月1日 発行');
  });

  it("lists the 8 organizations with the page on which each one's sheet starts", () => {
    const contents = pdfText(bookletPdf, 'layout', { first: 2, last: 2 });
    expect(contents).toContain('目次');
    const pageCount = Number(pdfInfo(bookletPdf).Pages);
    const starts: number[] = [];
    sample.input.sheets.forEach((s, index) => {
      const names = [s.departmentName, s.organizationName].filter((n) => n !== null).join('\\s+');
      const row = new RegExp(`^\\s*${index + 1}\\s+${names}\\s+\\d+\\s+\\d+\\s+(\\d+)\\s*$`, 'm').exec(
        contents,
      );
      expect(row, `contents row of ${s.title}`).not.toBeNull();
      const page = Number(row?.[1]);
      starts.push(page);
      const text = pdfText(bookletPdf, 'layout', { first: page, last: page });
      expect(text, `page ${page}`).toMatch(/^\s*組織目標管理シート\s*$/m);
      expect(text).toContain(s.departmentName);
      if (s.organizationName) expect(text).toContain(s.organizationName);
    });
    expect(starts).toHaveLength(8);
    expect(starts[0]).toBe(3);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(starts.at(-1)).toBeLessThanOrEqual(pageCount);
    // Every title in the booklet is one the contents point to.
    const titles = Array.from({ length: pageCount }, (_, i) => i + 1).filter((page) =>
      /^\s*組織目標管理シート\s*$/m.test(pdfText(bookletPdf, 'layout', { first: page, last: page })),
    );
    expect(titles).toEqual(starts);
  });

  it('prints every indicator, value and narrative of the ward as written', () => {
    expect(allIndicators(sample.input.sheets)).toHaveLength(43);
    expect(missingTexts(bookletPdf, sample.input.sheets)).toEqual([]);
  });

  it('prints every evaluation, as many as the sheet list counts', () => {
    const { 達成, 一部未達成, 未達成 } = sample.list.totals.evaluations;
    expect(evaluationCounts(bookletPdf)).toEqual({ 達成, 一部未達成, 未達成 });
    expect(evaluationCounts(bookletPdf)).toEqual(expectedEvaluationCounts(sample.input.sheets));
  });

  it('reports its progress sheet by sheet', () => {
    expect(progress[0]).toEqual([0, 8]);
    expect(progress.at(-1)).toEqual([8, 8]);
    const done = progress.map(([d]) => d);
    expect([...done].sort((a, b) => a - b)).toEqual(done);
    expect(new Set(done).size).toBe(done.length);
  });
});
