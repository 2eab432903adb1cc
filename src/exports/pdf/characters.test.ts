import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetDetail } from '../../schemas/sheet';
import { PdfWorkers, streamBytes } from '../../server/pdf-workers/pdf-workers';
import { goalNumbered, indicatorNamed } from '../../server/testing/finders';
import { loadSampleWardYear, type SampleWardYear } from '../testing';

/** 地域総務課's indicator of 目標1. */
const vision = '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定';

import { fontRuns } from './font-runs';
import { type FontRole, fontFamilies, fontOf } from './fonts';
import { renderBookletPdf, renderSheetPdf } from './index';
import { pdfInfo, pdfText, squeeze } from './poppler';

/**
 * Every character the page shows is printed, and pdftotext reads it back: kanji beyond the
 * primary font (CJK Extension B), 機種依存文字, half-width katakana, emoji and variation
 * sequences, in every kind of text a sheet prints.
 */

/** Characters whose drawing and text survive as written. */
const characters = {
  extensionB: '𠮷𩸽𡈽𠀋𪚲𫝆𤸎',
  machineDependent: '①⑳ⅡⅫⅰ㈱㈲㎡㎝㎏№℡㍻㍼㊤㌔≒∮∑√∟⊿',
  halfWidthKatakana: 'ｶﾀｶﾅ ｶﾞｷﾞﾊﾟ ｰ｡｢｣､･',
  emoji: '😀👍✅❤️1️⃣🇯🇵👨‍👩‍👧👍🏽',
  variationSequences: '葛󠄀飾区 辻󠄀',
};
const allCharacters = Object.values(characters).join(' ');

/** One text per kind of field, each with a label of its own so that a field missing is named. */
function mark(field: string): string {
  return `【${field}】${allCharacters}`;
}

let sample: SampleWardYear;
let base: SheetDetail;
let sheet: SheetDetail;
let sheetPdf: Buffer;

/** A name short enough for the footer's line. */
const someOfEach = '𠮷𩸽①㈱㍻ｶﾀｶﾅ😀✅葛󠄀';

/** The texts the sheet prints, by field. */
const fields = {
  departmentName: `【部】${someOfEach}`,
  organizationName: `【課】${someOfEach}`,
  phone: mark('電話'),
  purpose: mark('目的'),
  goal: mark('目標'),
  initiative: mark('取組'),
  indicatorName: mark('指標'),
  unit: mark('単位'),
  actual: mark('実績'),
  target: mark('目標値'),
  revision: mark('修正理由'),
  result: mark('結果'),
  note: mark('補足'),
  achievement: mark('状況'),
  approach: mark('取り組み'),
  outcome: mark('結果について'),
};

function withCharacters(from: SheetDetail): SheetDetail {
  const copy = structuredClone(from);
  copy.departmentName = fields.departmentName;
  copy.organizationName = fields.organizationName;
  copy.phone = fields.phone;
  copy.purpose = fields.purpose;
  copy.approach = fields.approach;
  copy.outcome = fields.outcome;
  const goal = goalNumbered(copy, 1);
  goal.text = fields.goal;
  goal.initiatives = [fields.initiative, ...goal.initiatives];
  const indicator = indicatorNamed(goal, vision);
  indicator.name = fields.indicatorName;
  indicator.unit = fields.unit;
  indicator.actuals = indicator.actuals.map((cell, index) =>
    index === 0 ? { ...cell, text: fields.actual, value: null } : cell,
  );
  indicator.target = { text: fields.target, value: null, breakdown: [] };
  indicator.revisions = [
    {
      from: { text: '55', value: 55 },
      to: { text: '50', value: 50 },
      revisedOn: '2022-09-30',
      reason: fields.revision,
    },
  ];
  indicator.result = { text: fields.result, value: null, breakdown: [] };
  indicator.note = fields.note;
  indicator.achievement = fields.achievement;
  return copy;
}

beforeAll(async () => {
  sample = await loadSampleWardYear();
  const found = sample.input.sheets.find((s) => s.title === '地域総務課');
  if (!found) throw new Error('地域総務課 is missing from the sample');
  base = found;
  sheet = withCharacters(base);
  sheetPdf = await renderSheetPdf(sheet);
}, 120_000);

/**
 * The fields whose text pdftotext does not give back as written. Whitespace is dropped (cells
 * wrap); nothing else is normalised: pdftotext reads what the font maps each glyph to, and the
 * fonts map 𠮷, ①, ㍻, ｶ, 😀… to themselves, with no NFKC folding.
 */
function missingFields(pdf: Buffer, texts: Record<string, string>): string[] {
  const text = squeeze(pdfText(pdf, 'raw'));
  return Object.entries(texts)
    .filter(([, written]) => !text.includes(squeeze(written)))
    .map(([field]) => field);
}

function pdfFonts(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mokuhyo-pdf-'));
  try {
    const path = join(dir, 'document.pdf');
    writeFileSync(path, pdf);
    return execFileSync('pdffonts', [path], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('characters beyond BIZ UDPGothic in a printed sheet', () => {
  it('prints every character of every kind of field, as pdftotext reads it back', () => {
    const { unit, revision, ...asWritten } = fields;
    expect(missingFields(sheetPdf, asWritten)).toEqual([]);
    // The unit prints in brackets after the indicator; the revision as 「修正: 55 → 50（…）理由」.
    expect(
      missingFields(sheetPdf, { unit: `（${unit}）`, revision: `（令和4年9月30日）${revision}` }),
    ).toEqual([]);
  });

  it('prints the footer on every page with the organization as written', () => {
    const pages = Number(pdfInfo(sheetPdf).Pages);
    expect(pages).toBeGreaterThan(1);
    const footer = squeeze(`北区 ${fields.departmentName} ${fields.organizationName}`);
    for (let page = 1; page <= pages; page++) {
      expect(squeeze(pdfText(sheetPdf, 'raw', { first: page, last: page })), `page ${page}`).toContain(
        footer,
      );
    }
  });

  it('embeds subsets of the fallback fonts, in outlines and no font from the system', () => {
    const fonts = pdfFonts(sheetPdf);
    for (const role of ['primary', 'japanese', 'emoji'] as const) {
      const name = fontOf(role).postscriptName.replace('Regular', '');
      // "ABCDEF+Name" is a subset; every font is embedded ("yes yes yes": emb, sub, uni).
      expect(fonts, role).toMatch(
        new RegExp(`[A-Z]{6}\\+${name}\\S*\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`),
      );
    }
    const lines = fonts.trim().split('\n').slice(2);
    expect(lines.every((line) => /\s+yes yes yes\s+/.test(line))).toBe(true);
  });

  it('keeps a sheet without such characters in BIZ UDPGothic alone', async () => {
    const fonts = pdfFonts(await renderSheetPdf(base));
    const names = fonts.trim().split('\n').slice(2);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((line) => line.includes('BIZUDPGothic'))).toBe(true);
  });

  it('prints them in the booklet laid out in a worker thread', async () => {
    const workers = new PdfWorkers();
    const pdf = await workers
      .booklet({
        ...sample.input,
        sheets: sample.input.sheets.map((s) => (s.title === '地域総務課' ? sheet : s)),
        issuedOn: '2023-06-01',
      })
      .then(streamBytes)
      .then((bytes) => Buffer.from(bytes))
      .finally(() => workers.close());
    const { unit, revision, ...asWritten } = fields;
    expect(missingFields(pdf, asWritten)).toEqual([]);
    // The contents list the organization too.
    const contents = squeeze(pdfText(pdf, 'raw', { first: 2, last: 2 }));
    expect(contents).toContain(squeeze(fields.organizationName));
  }, 120_000);

  it('renders the booklet on the main thread the same way', async () => {
    const pdf = await renderBookletPdf({
      municipality: '新潟市',
      ward: `北区${characters.extensionB}`,
      fiscalYear: 2022,
      sheets: [sheet],
      issuedOn: '2023-06-01',
    });
    const cover = squeeze(pdfText(pdf, 'raw', { first: 1, last: 1 }));
    expect(cover).toContain(squeeze(`新潟市北区${characters.extensionB}`));
  }, 60_000);
});

describe('emoji sequences the emoji font cannot draw whole', () => {
  /** pdftotext's reading of one short text set as a sheet's note. */
  async function printed(note: string): Promise<string> {
    const small = structuredClone(base);
    const goal = goalNumbered(small, 1);
    small.goals = [goal];
    const indicator = indicatorNamed(goal, vision);
    indicator.note = `《${note}》`;
    const text = squeeze(pdfText(await renderSheetPdf(small), 'raw'));
    return /《(.*?)》/u.exec(text)?.[1] ?? '';
  }

  it('prints a skin tone as a swatch after its emoji, both read back in order', async () => {
    expect(await printed('👍🏽👍')).toBe('👍🏽👍');
  });

  it('keeps every emoji of a sequence it has no single glyph for, in order', async () => {
    // A skin tone inside a ZWJ sequence follows the sequence; an unknown ZWJ sequence prints
    // as its emoji side by side, and pdftotext drops the zero-width joiner between them.
    expect(await printed('👩🏽‍💻')).toBe('👩‍💻🏽');
    expect(await printed('👍‍😀')).toBe('👍😀');
  });
});

describe('rows with taller lines', () => {
  it('loses nothing of a cell whose fallback glyphs make it taller than a page', async () => {
    // Noto Sans JP's lines are ~1.45 times BIZ UDPGothic's: a cell that would fit in BIZ
    // UDPGothic alone may not. Each sentence carries a token no line break can split.
    const token = (n: number) => `A${n}a`;
    for (const count of [55, 62, 70]) {
      const long = structuredClone(base);
      const indicator = indicatorNamed(goalNumbered(long, 2), '避難所運営組織数');
      indicator.achievement = Array.from({ length: count }, (_, i) => `𠮷${token(i + 1)}の文です。`).join('');
      const text = squeeze(pdfText(await renderSheetPdf(long), 'raw'));
      const missing = Array.from({ length: count }, (_, i) => token(i + 1)).filter(
        (t) => !new RegExp(`(?<![0-9])${t}`).test(text),
      );
      expect(missing, `${count} sentences`).toEqual([]);
    }
  }, 60_000);
});

describe('fontRuns', () => {
  const roles: FontRole[] = ['primary', 'japanese', 'emoji'];

  it('leaves text BIZ UDPGothic has in one run of it', () => {
    for (const text of ['地域総務課', '①㈱㎡Ⅱ№℡㍻', 'ｶﾀｶﾅ', '𩸽と𡈽', '葛西 50％以上', '']) {
      expect(fontRuns(text)).toEqual([{ text, role: 'primary' }]);
    }
  });

  it('gives every run a font that has a glyph for each character it draws', () => {
    const skipped = /[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u200D]/u;
    for (const run of fontRuns(allCharacters)) {
      const font = fontOf(run.role);
      for (const char of run.text) {
        if (skipped.test(char)) continue;
        expect(font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0), `${char} in ${run.role}`).toBe(true);
      }
    }
  });

  it('keeps the text whole: the runs join to what was written', () => {
    const texts = [allCharacters, '𠮷野家の👨‍👩‍👧、葛󠄀飾区と葛西', 'a👍🏽b'];
    for (const text of texts) {
      expect(
        fontRuns(text)
          .map((run) => run.text)
          .join(''),
      ).toBe(text);
    }
  });

  it('sets 𠮷 in Noto Sans JP and emoji in Noto Emoji, the rest in BIZ UDPGothic', () => {
    expect(fontRuns('𠮷野家')).toEqual([
      { text: '𠮷', role: 'japanese' },
      { text: '野家', role: 'primary' },
    ]);
    expect(fontRuns('達成✅😀')).toEqual([
      { text: '達成', role: 'primary' },
      { text: '✅😀', role: 'emoji' },
    ]);
    expect(fontRuns('👨‍👩‍👧')).toEqual([{ text: '👨‍👩‍👧', role: 'emoji' }]);
  });

  it('draws a variation sequence apart from its plain character', () => {
    // 葛 prints in BIZ UDPGothic; 葛󠄀 in another font so each glyph keeps its own text.
    const runs = fontRuns('葛󠄀飾区の葛西');
    expect(runs.map((run) => run.text)).toEqual(['葛󠄀', '飾区の葛西']);
    expect(runs[0]?.role).not.toBe('primary');
    expect(runs[1]?.role).toBe('primary');
  });

  it('draws a skin tone the emoji font drops as a swatch after its emoji', () => {
    expect(fontRuns('👍🏽')).toEqual([
      { text: '👍', role: 'emoji', apart: true },
      { text: '🏽', role: 'emoji', apart: true },
    ]);
  });

  it('maps the same characters in the regular and the bold weight of each font', async () => {
    const fontkit = await import('fontkit');
    for (const role of roles) {
      const regular = fontOf(role).characterSet;
      const bold = fontkit.openSync(fontFamilies[role].bold).characterSet;
      expect(bold.length, role).toBe(regular.length);
      const inBold = new Set(bold);
      expect(
        regular.filter((codePoint) => !inBold.has(codePoint)),
        role,
      ).toEqual([]);
    }
  });
});
