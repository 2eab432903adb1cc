import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../exports/pdf/poppler';
import { indicatorSeriesSchema } from '../../../schemas/indicator-series';
import { wardYearSheetsSchema } from '../../../schemas/sheet';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { importThroughApi } from '../../testing/import-through-api';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let planner: TestClient;
let staff: TestClient;
let head: TestClient;
const kita = (year: number) => `fiscalYear=${year}&ward=${encodeURIComponent('北区')}`;
const indicatorName = '生活習慣病予防講座開催数';

beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
  staff = await t.as('fukushi-staff');
  head = await t.as('fukushi-head');
  const res = await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 });
  expect(res.status, await res.clone().text()).toBe(201);
});
afterAll(async () => {
  await t.close();
});

async function sheetIdOf(year: number): Promise<string> {
  const list = wardYearSheetsSchema.parse(await (await planner.get(`/api/v1/sheets?${kita(year)}`)).json());
  const found = list.sheets.find((s) => s.title === '健康福祉課');
  if (!found) throw new Error(`no 健康福祉課 sheet in ${year}`);
  return found.id;
}

async function view(client: TestClient, id: string): Promise<SheetView> {
  const res = await client.get(`/api/v1/sheets/${id}`);
  expect(res.status).toBe(200);
  return sheetViewSchema.parse(await res.json());
}

function indicatorOf(sheet: SheetView) {
  const found = sheet.goals.flatMap((g) => g.indicators).find((i) => i.name === indicatorName);
  if (!found) throw new Error('indicator not on the sheet');
  return found;
}

/** What every output says of the 令和4年度 result, read the way each reader reads it. */
async function everyOutput(year2022: string, year2023: string, indicatorId: string) {
  const sheet2022 = await view(t.public, year2022);
  const sheet2023 = await view(staff, year2023);
  const series = indicatorSeriesSchema.parse(
    await (await t.public.get(`/api/v1/indicators/${indicatorId}/series`)).json(),
  );
  const csv = await (await t.public.get(`/api/v1/downloads/csv?${kita(2022)}`)).text();
  const csvRow = csv
    .split('\r\n')
    .find((line) => line.includes(`,${indicatorName},`) && line.includes(',2022,令和4年度,目標・結果,'));
  const exported = await (await t.public.get(`/api/v1/export?${kita(2022)}`)).json();
  const exportedResult = exported.sheets
    .flatMap((s: { goals: { indicators: { name: string; result: { text: string } }[] }[] }) =>
      s.goals.flatMap((g) => g.indicators),
    )
    .find((i: { name: string }) => i.name === indicatorName).result.text;
  const pdf = pdfText(
    Buffer.from(await (await t.public.get(`/api/v1/downloads/sheets/${year2022}/pdf`)).arrayBuffer()),
    'raw',
  ).replace(/\s+/g, '');
  return {
    sheet: indicatorOf(sheet2022).result.text,
    actual: indicatorOf(sheet2023).actuals.find((a) => a.fiscalYear === 2022)?.text,
    series: series.points.find((p) => p.fiscalYear === 2022)?.result?.text,
    csv: csvRow,
    json: exportedResult,
    pdf,
    notes: indicatorOf(sheet2022).corrections,
  };
}

describe('過年度実績の訂正', () => {
  let year2022: string;
  let year2023: string;
  let indicatorId: string;

  it('refuses a save that changes an earlier year’s result, and changes nothing', async () => {
    year2022 = await sheetIdOf(2022);
    year2023 = await sheetIdOf(2023);
    const draft = await view(staff, year2023);
    indicatorId = indicatorOf(draft).indicatorId;
    const document = toSheetDocument(draft);
    for (const ind of document.goals.flatMap((g) => g.indicators)) {
      if (ind.name === indicatorName) {
        const r4 = ind.actuals.find((a) => a.fiscalYear === 2022);
        if (r4) r4.text = '60回';
      }
    }
    const res = await staff.send('PUT', `/api/v1/sheets/${year2023}`, { version: draft.version, document });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.issues).toContainEqual({
      path: expect.stringMatching(/^document\.goals\[\d+\]\.indicators\[\d+\]\.actuals\.2022$/),
      message: expect.stringContaining('過年度の実績はこのシートでは変更できません'),
    });
    const outputs = await everyOutput(year2022, year2023, indicatorId);
    expect(outputs.sheet).toBe('6回');
    expect(outputs.actual).toBe('6回');
    expect(outputs.series).toBe('6回');
    expect((await view(staff, year2023)).version).toBe(draft.version);
  });

  it('offers the closed years’ results for correction to the organization’s staff, not the open year', async () => {
    const draft = await view(staff, year2023);
    const years = draft.workflow?.correctable
      .filter((c) => c.indicatorId === indicatorId)
      .map((c) => c.fiscalYear);
    expect(years).toEqual([2020, 2021, 2022]);
    const other = await view(await t.as('somu-staff'), year2023).catch(() => null);
    expect(other).toBeNull();
    // This year's own result is still open: it is entered on the sheet, not corrected.
    const res = await staff.send('POST', `/api/v1/sheets/${year2023}/corrections`, {
      indicatorId,
      fiscalYear: 2023,
      to: { text: '1回' },
      reason: '誤記',
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain('そのシートで直してください');
    const tooOld = await staff.send('POST', `/api/v1/sheets/${year2023}/corrections`, {
      indicatorId,
      fiscalYear: 2019,
      to: { text: '1回' },
      reason: '誤記',
    });
    expect(tooOld.status).toBe(400);
    expect((await tooOld.json()).error.issues[0].path).toBe('fiscalYear');
  });

  it('refuses a proposal from outside the organization, without a reason, or unchanged', async () => {
    const somu = await t.as('somu-staff');
    const body = { indicatorId, fiscalYear: 2022, to: { text: '7回' }, reason: '集計の誤り' };
    expect((await somu.send('POST', `/api/v1/sheets/${year2022}/corrections`, body)).status).toBe(403);
    expect([401, 403]).toContain(
      (await t.public.send('POST', `/api/v1/sheets/${year2022}/corrections`, body)).status,
    );
    const noReason = await staff.send('POST', `/api/v1/sheets/${year2022}/corrections`, {
      ...body,
      reason: ' ',
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).error.issues[0].path).toBe('reason');
    const same = await staff.send('POST', `/api/v1/sheets/${year2022}/corrections`, {
      ...body,
      to: { text: '6回' },
    });
    expect(same.status).toBe(400);
  });

  it('is proposed, returned, proposed again and approved; before approval nothing shows it', async () => {
    const propose = (text: string) =>
      staff.send('POST', `/api/v1/sheets/${year2023}/corrections`, {
        indicatorId,
        fiscalYear: 2022,
        to: { text },
        reason: '集計表の転記誤り（参加者名簿で確認）',
      });
    let res = await propose('70回');
    expect(res.status, await res.clone().text()).toBe(201);
    const first = (await res.json()).correction.id as string;
    // One proposal waits at a time.
    expect((await propose('8回')).status).toBe(409);

    let outputs = await everyOutput(year2022, year2023, indicatorId);
    expect([outputs.sheet, outputs.actual, outputs.series, outputs.json]).toEqual([
      '6回',
      '6回',
      '6回',
      '6回',
    ]);
    expect(outputs.csv).toContain('6回');
    expect(outputs.notes).toEqual([]);

    // Nobody decides their own proposal.
    expect(
      (await staff.send('POST', `/api/v1/corrections/${first}/decision`, { decision: 'approve' })).status,
    ).toBe(403);
    const headView = await view(head, year2023);
    expect(headView.workflow?.corrections).toMatchObject([
      { id: first, status: 'proposed', from: '6回', to: '70回', mayDecide: true },
    ]);
    expect(
      (await head.send('POST', `/api/v1/corrections/${first}/decision`, { decision: 'return' })).status,
    ).toBe(400);
    res = await head.send('POST', `/api/v1/corrections/${first}/decision?sheet=${year2023}`, {
      decision: 'return',
      comment: '70回ではなく7回では？',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(sheetViewSchema.parse((await res.json()).sheet).workflow?.corrections).toMatchObject([
      { id: first, status: 'returned', decisionComment: '70回ではなく7回では？' },
    ]);
    expect(
      (await head.send('POST', `/api/v1/corrections/${first}/decision`, { decision: 'approve' })).status,
    ).toBe(409);

    res = await propose('7回');
    expect(res.status).toBe(201);
    const second = (await res.json()).correction.id as string;
    res = await planner.send('POST', `/api/v1/corrections/${second}/decision`, { decision: 'approve' });
    expect(res.status, await res.clone().text()).toBe(200);

    outputs = await everyOutput(year2022, year2023, indicatorId);
    expect([outputs.sheet, outputs.actual, outputs.series, outputs.json]).toEqual([
      '7回',
      '7回',
      '7回',
      '7回',
    ]);
    expect(outputs.csv).toContain('7回');
    expect(outputs.csv).toContain('R4実績　誤: 6回 → 正: 7回');
    expect(outputs.notes).toMatchObject([
      { fiscalYear: 2022, from: '6回', to: '7回', correctedOn: expect.any(String) },
    ]);
    expect(outputs.pdf).toContain('正誤');
    expect(outputs.pdf).toContain('生活習慣病予防講座開催数（回）R4実績誤:6回→正:7回');
  });

  it('records every step in the history of the year the result belongs to', async () => {
    const history = await (await head.get(`/api/v1/sheets/${year2022}/history`)).json();
    const steps = history.entries
      .filter((e: { kind: string }) => e.kind === 'correction')
      .map((e: { action: string }) => e.action);
    expect(steps.sort()).toEqual(['approved', 'proposed', 'proposed', 'returned']);
    const approved = history.entries.find(
      (e: { action: string; kind: string }) => e.kind === 'correction' && e.action === 'approved',
    );
    expect(approved.changes[0]).toMatchObject({ before: '6回', after: '7回' });
    expect(approved.actor).toBeTruthy();
  });

  it('does not take an earlier year’s result from a later year’s file; the preview says so', async () => {
    const file = await (await planner.get(`/api/v1/export?${kita(2023)}`)).json();
    const target = file.sheets
      .flatMap(
        (s: { goals: { indicators: { name: string; actuals: Record<string, { text: string }> }[] }[] }) =>
          s.goals.flatMap((g) => g.indicators),
      )
      .find((i: { name: string }) => i.name === indicatorName);
    target.actuals['2022'] = { text: '60回', value: 60 };
    const preview = await planner.send('POST', '/api/v1/import/preview', file);
    expect(preview.status, await preview.clone().text()).toBe(200);
    const body = await preview.json();
    expect(body.warnings).toContainEqual({
      path: expect.stringMatching(/^sheets\[\d+\]\.goals\[\d+\]\.indicators\[\d+\]\.actuals\.2022$/),
      message: expect.stringContaining('R4実績「60回」は取り込みません'),
    });
    expect((await importThroughApi(planner, file)).status).toBe(200);
    const outputs = await everyOutput(year2022, year2023, indicatorId);
    expect([outputs.sheet, outputs.actual, outputs.series]).toEqual(['7回', '7回', '7回']);
  });

  it('lets one of two simultaneous proposals through', async () => {
    const body = { indicatorId, fiscalYear: 2021, to: { text: '5回' }, reason: '再集計' };
    const results = await Promise.all([
      staff.send('POST', `/api/v1/sheets/${year2022}/corrections`, body),
      head.send('POST', `/api/v1/sheets/${year2022}/corrections`, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });
});
