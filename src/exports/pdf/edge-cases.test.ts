import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetDetail, SheetGoal, SheetIndicator } from '../../schemas/sheet';
import { goalNumbered, indicatorNamed } from '../../server/testing/finders';
import { loadSampleWardYear } from '../testing';
import { renderBookletPdf, renderSheetPdf } from './index';
import { pdfInfo, pdfText, squeeze } from './poppler';

/** Sheets the sample does not have: revised targets, empty parts, texts longer than a page. */

let base: SheetDetail;

beforeAll(async () => {
  const sample = await loadSampleWardYear();
  const found = sample.input.sheets.find((s) => s.title === '地域総務課');
  if (!found) throw new Error('地域総務課 is missing from the sample');
  base = found;
}, 60_000);

/** 地域総務課's indicator of 目標1. */
function visionIndicator(sheet: SheetDetail): SheetIndicator {
  return indicatorNamed(goalNumbered(sheet, 1), '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定');
}

function withGoals(goals: SheetGoal[]): SheetDetail {
  return { ...structuredClone(base), goals };
}

function rawText(pdf: Buffer): string {
  return squeeze(pdfText(pdf, 'raw'));
}

describe('PDF edge cases', () => {
  it('prints each revision of a target under it', async () => {
    const sheet = structuredClone(base);
    const indicator = indicatorNamed(sheet, '定時退庁推進日実施率');
    indicator.revisions = [
      {
        from: { text: '55', value: 55 },
        to: { text: '50', value: 50 },
        revisedOn: '2022-09-30',
        reason: '上半期2度の選挙による準備事務のため',
      },
    ];
    const text = rawText(await renderSheetPdf(sheet));
    expect(text).toContain(squeeze('修正: 55 → 50（令和4年9月30日）上半期2度の選挙による準備事務のため'));
  });

  it('prints a sheet without goals, a goal without indicators and an indicator without history', async () => {
    const empty = {
      ...structuredClone(base),
      createdOn: null,
      revisedOn: null,
      evaluatedOn: null,
      purpose: null,
    };
    empty.goals = [];
    expect(rawText(await renderSheetPdf(empty))).toContain('組織目標はまだ登録されていません');

    const indicator = {
      ...structuredClone(visionIndicator(base)),
      actuals: [],
      note: null,
      achievement: null,
    };
    indicator.result = { text: null, value: null, breakdown: [] };
    indicator.evaluation = null;
    const goals: SheetGoal[] = [
      { ...structuredClone(goalNumbered(base, 1)), indicators: [indicator] },
      { ...structuredClone(goalNumbered(base, 2)), indicators: [], initiatives: [] },
    ];
    const text = rawText(await renderSheetPdf(withGoals(goals)));
    expect(text).toContain('指標は設定されていません');
    expect(text).toContain(squeeze(indicator.target.text ?? ''));
  });

  it('labels the value columns after the sheet year', async () => {
    const text = pdfText(await renderSheetPdf({ ...base, fiscalYear: 2023 }), 'layout');
    expect(text).toMatch(/R2実績\s+R3実績\s+R4実績\s+R5目標\s+R5結果/);
    expect(text).toContain('令和5年度');
  });

  it('loses nothing of texts longer than a page, and repeats the column headers', async () => {
    // Each sentence carries a Latin token (G12g) that no line break can split, so it is found
    // even where a cell continues on the next page after other text.
    const token = (letter: string, n: number) => `${letter}${n}${letter.toLowerCase()}`;
    const sentences = (letter: string, count: number) =>
      Array.from({ length: count }, (_, i) => `これは${token(letter, i + 1)}番目の文です。`).join('');
    const long = structuredClone(base);
    const goal = goalNumbered(long, 2);
    goal.text = sentences('G', 180);
    const indicator = indicatorNamed(goal, '避難所運営組織数');
    indicator.achievement = sentences('A', 260);
    long.outcome = sentences('O', 700);
    const pdf = await renderSheetPdf(long);
    const text = rawText(pdf);
    for (const [letter, count] of [
      ['G', 180],
      ['A', 260],
      ['O', 700],
    ] as const) {
      const missing = Array.from({ length: count }, (_, i) => token(letter, i + 1)).filter(
        (t) => !new RegExp(`(?<![0-9])${t}`).test(text),
      );
      expect(missing, letter).toEqual([]);
    }
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++) {
      const pageText = pdfText(pdf, 'layout', { first: page, last: page });
      // Pages of the goal table carry its headers; the last ones may hold only the narratives.
      if (/G\d+g/.test(pageText)) expect(pageText, `page ${page}`).toMatch(/項目（単位）\s+R1実績/);
    }
  });

  it('renders a booklet without sheets', async () => {
    const pdf = await renderBookletPdf({
      municipality: '新潟市',
      ward: '北区',
      fiscalYear: 2022,
      sheets: [],
    });
    expect(pdfInfo(pdf).Pages).toBe('2');
    expect(pdfText(pdf, 'layout')).toContain('掲載組織 0');
  });
});
