import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvColumns, neutralizeFormula } from '../../../exports/csv';
import { pdfText, squeeze } from '../../../exports/pdf/poppler';
import { parseCsv } from '../../../exports/testing';
import { type WardYearFile, wardYearFileSchema } from '../../../schemas/interchange';
import type { SheetDetail } from '../../../schemas/sheet';
import { sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { awkwardTexts } from '../../../schemas/text-samples';
import { awkwardGoalDocuments, awkwardWardYearFile } from '../../testing/awkward-sheet';
import { goalNumbered, sheetFileTitled, soleIndicator } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/**
 * Text that looks like markup, SQL, entities, templates or formulas is stored exactly as written
 * — through the editor's PUT and through the interchange import — read back byte for byte (the
 * sheet and the JSON export), and printed as text by the PDF, the Excel workbook and the CSV.
 */

const awkwardYear = 2024;
let t: TestApp;
let admin: TestClient;
let staff: TestClient;
let draftId = '';
let importedId = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const imported = await importThroughApi(admin, awkwardWardYearFile(awkwardYear));
  expect(imported.status, await imported.clone().text()).toBe(200);
  staff = await t.as('fukushi-staff');
  draftId = await sheetIdOf(2023, '健康福祉課');
  importedId = await sheetIdOf(awkwardYear, '地域総務課');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function sheetIdOf(fiscalYear: number, title: string): Promise<string> {
  const list = await (
    await admin.get(`/api/v1/sheets?fiscalYear=${fiscalYear}&ward=${encodeURIComponent('北区')}`)
  ).json();
  const found = list.sheets.find((s: { title: string }) => s.title === title);
  if (!found) throw new Error(`no ${title} in ${fiscalYear}`);
  return found.id;
}

/** Every text field of the awkward goals, as the read API shows them, goal by goal. */
function goalTexts(sheet: Pick<SheetDetail, 'goals'>) {
  return sheet.goals.map((goal) => {
    const indicator = soleIndicator(goal);
    return {
      text: goal.text,
      initiatives: goal.initiatives,
      name: indicator.name,
      target: indicator.target.text,
      result: indicator.result.text,
      note: indicator.note,
      achievement: indicator.achievement,
      evaluationReason: indicator.evaluationReason,
    };
  });
}

const expectedGoalTexts = () =>
  awkwardTexts.map((text) => ({
    text,
    initiatives: [text],
    name: text,
    target: text,
    result: text,
    note: text,
    achievement: text,
    evaluationReason: text,
  }));

async function exportedFile(fiscalYear: number): Promise<WardYearFile> {
  const res = await admin.get(`/api/v1/export?fiscalYear=${fiscalYear}&ward=${encodeURIComponent('北区')}`);
  expect(res.status).toBe(200);
  return wardYearFileSchema.parse(await res.json());
}

describe('stored exactly as written', () => {
  it('through the editor (PUT /api/v1/sheets/:id): the sheet and the JSON export give every text back', async () => {
    const start = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${draftId}`)).json());
    const document = {
      ...toSheetDocument(start),
      phone: '<025-387-1111>',
      purpose: awkwardTexts[0],
      approach: awkwardTexts.join('\n'),
      goals: awkwardGoalDocuments(),
    };
    const res = await staff.send('PUT', `/api/v1/sheets/${draftId}`, { version: start.version, document });
    expect(res.status, await res.clone().text()).toBe(200);

    const read = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${draftId}`)).json());
    expect([read.phone, read.purpose, read.approach]).toEqual([
      '<025-387-1111>',
      awkwardTexts[0],
      awkwardTexts.join('\n'),
    ]);
    expect(goalTexts(read)).toEqual(expectedGoalTexts());

    const exported = (await exportedFile(2023)).sheets.find(
      (s) => s.department === '健康福祉課' && s.organization === null,
    );
    expect(exported?.approach).toBe(awkwardTexts.join('\n'));
    expect(
      exported?.goals.map((g) => [g.text, g.initiatives, soleIndicator(g).name, soleIndicator(g).note]),
    ).toEqual(awkwardTexts.map((text) => [text, [text], text, text]));
  });

  it('through the interchange import: the export gives back every text of the file', async () => {
    const file = awkwardWardYearFile(awkwardYear);
    const exported = await exportedFile(awkwardYear);
    expect(exported.source).toBe(file.source);
    expect(exported.uncertain).toEqual(file.uncertain);
    const sent = sheetFileTitled(file, '地域総務課');
    const back = sheetFileTitled(exported, '地域総務課');
    expect([back?.purpose, back?.approach, back?.outcome]).toEqual([
      sent?.purpose,
      sent?.approach,
      sent?.outcome,
    ]);
    expect(
      back?.goals.map((g) => {
        const i = soleIndicator(g);
        return [
          g.text,
          g.initiatives,
          i.name,
          i.target.text,
          i.result.text,
          i.note,
          i.achievement,
          i.evaluationReason,
        ];
      }),
    ).toEqual(awkwardTexts.map((text) => [text, [text], text, text, text, text, text, text]));
    const read = sheetViewSchema.parse(await (await admin.get(`/api/v1/sheets/${importedId}`)).json());
    expect(goalTexts(read)).toEqual(expectedGoalTexts());
  });

  it('refuses NUL and a lone surrogate in an imported file with the path, writing nothing', async () => {
    const before = await exportedFile(awkwardYear);
    const file = awkwardWardYearFile(awkwardYear);
    const goal = goalNumbered(sheetFileTitled(file, '地域総務課'), 3);
    goal.text = '前\u0000後';
    soleIndicator(goal).note = '𠮷の上半分だけ\ud842';
    const res = await importThroughApi(admin, { ...file, source: '差し替え' });
    expect(res.status).toBe(400);
    const { issues } = (await res.json()).error;
    expect(issues).toEqual([
      { path: 'sheets[0].goals[2].text', message: '使えない制御文字（U+0000）が含まれています（2文字目）' },
      {
        path: 'sheets[0].goals[2].indicators[0].note',
        message: '文字として読めない符号（対になっていないサロゲート U+D842）が含まれています（8文字目）',
      },
    ]);
    expect(await exportedFile(awkwardYear)).toEqual(before);
  });
});

describe('refused where a name is looked up too', () => {
  it('a NUL in a query or a sign-in is a 400 naming the field, never a database error', async () => {
    for (const [path, field] of [
      ['/api/v1/sheets?fiscalYear=2022&ward=%00', 'ward'],
      [
        `/api/v1/downloads/csv?fiscalYear=2022&ward=${encodeURIComponent('北区')}&municipality=%E6%96%B0%00`,
        'municipality',
      ],
      ['/api/v1/organizations?ward=%E5%8C%97%00', 'ward'],
    ] as const) {
      const res = await t.public.get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.issues).toEqual([
        { path: field, message: expect.stringMatching(/^使えない制御文字（U\+0000）が含まれています/) },
      ]);
    }
    await t.public.get('/api/v1/auth/me'); // the CSRF cookie
    const signIn = await t.public.send('POST', '/api/v1/auth/sign-in', {
      loginId: 'admin\u0000',
      password: 'x',
    });
    expect(signIn.status).toBe(400);
    expect((await signIn.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(['loginId']);
  });
});

describe('printed as text by every file', () => {
  it('the PDF holds every text as text pdftotext reads back', async () => {
    const res = await admin.get(`/api/v1/downloads/sheets/${importedId}/pdf`);
    expect(res.status).toBe(200);
    const printed = squeeze(pdfText(Buffer.from(await res.arrayBuffer()), 'raw'));
    for (const text of awkwardTexts) {
      // Goal text, initiative, indicator name, target, result, 補足 and 目標達成状況: seven times at least.
      expect(printed.split(squeeze(text)).length - 1, text).toBeGreaterThanOrEqual(7);
    }
  }, 60_000);

  it('the Excel workbook holds every text in string cells, never a formula', async () => {
    const res = await admin.get(
      `/api/v1/downloads/xlsx?fiscalYear=${awkwardYear}&ward=${encodeURIComponent('北区')}`,
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const found = new Map<string, number>();
    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas += 1;
          const value = cell.value;
          if (typeof value !== 'string' || (cell.isMerged && cell.master !== cell)) return;
          if (!(awkwardTexts as readonly string[]).includes(value)) return;
          found.set(value, (found.get(value) ?? 0) + 1);
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          if (/^[=+\-@]/.test(value)) expect(cell.numFmt, value).toBe('@');
        }),
      );
    }
    expect(formulas).toBe(0);
    // Each text is a whole cell: goal, 指標, 目標, 結果, 補足, 目標達成状況 (the initiative has a bullet).
    for (const text of awkwardTexts) expect(found.get(text) ?? 0, text).toBeGreaterThanOrEqual(5);
  });

  it('the CSV holds every text, quoted where needed and guarded where a spreadsheet would run it', async () => {
    const res = await admin.get(
      `/api/v1/downloads/csv?fiscalYear=${awkwardYear}&ward=${encodeURIComponent('北区')}`,
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(header).toEqual([...csvColumns]);
    const column = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name);
    const yearRows = rows.filter((r) => r[column('区分')] === '目標・結果');
    expect(yearRows).toHaveLength(awkwardTexts.length);
    yearRows.forEach((row, i) => {
      const written = awkwardTexts[i] ?? '';
      const guarded = neutralizeFormula(written);
      for (const name of ['組織目標', '指標', '目標', '結果', '補足・参考指標', '目標達成状況'] as const)
        expect(row[column(name)], `${name} of ${written}`).toBe(guarded);
    });
    const guardedOnes = yearRows
      .map((row, i) => row[column('組織目標')] ?? awkwardTexts[i])
      .filter((v, i) => v !== awkwardTexts[i]);
    expect(guardedOnes).toEqual([
      '\'=HYPERLINK("http://example.com","詳細")',
      "'+81-25-387-1111",
      "'-1+2",
      "'@SUM(A1:A2)",
    ]);
  });
});
