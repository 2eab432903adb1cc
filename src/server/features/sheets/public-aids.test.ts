import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../exports/pdf/poppler';
import type { WardYearFile } from '../../../schemas/interchange';
import { type SheetDetail, sheetDetailSchema } from '../../../schemas/sheet';
import { importThroughApi } from '../../testing/import-through-api';
import { pastYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
let sheetId: string;
const reason = '年度途中で実施日を見直したため、実績は目標に届かなかったが取組は進んだ。';

/** 平成29年度, every sheet published; 地域総務課's 定時退庁推進日実施率 judged 未達成 with a reason. */
beforeAll(async () => {
  t = await createTestApp();
  const file: WardYearFile = pastYearFixture(2017, () => 'published');
  for (const sheet of file.sheets) {
    for (const indicator of sheet.goals.flatMap((goal) => goal.indicators)) {
      if (
        sheet.department === '地域総務課' &&
        !sheet.organization &&
        indicator.name === '定時退庁推進日実施率'
      ) {
        indicator.target = { text: '50', value: 50 };
        indicator.result = { text: '48.2', value: 48.2 };
        indicator.evaluation = '未達成';
        indicator.evaluationReason = reason;
      }
    }
  }
  expect((await importThroughApi(await t.as('admin'), file)).status).toBe(200);
  const list = await (
    await t.public.get(`/api/v1/sheets?fiscalYear=2017&ward=${encodeURIComponent('北区')}`)
  ).json();
  sheetId = list.sheets.find((s: { title: string }) => s.title === '地域総務課').id;
}, 60_000);
afterAll(async () => {
  await t.close();
});

const overtime = (sheet: SheetDetail) =>
  sheet.goals
    .flatMap((goal) => goal.indicators)
    .find((indicator) => indicator.name === '定時退庁推進日実施率');

async function asPublished() {
  const sheet = sheetDetailSchema.parse(await (await t.public.get(`/api/v1/sheets/${sheetId}`)).json());
  const pdf = await t.public.get(`/api/v1/downloads/sheets/${sheetId}/pdf`);
  const exported = await (
    await t.public.get(`/api/v1/export?fiscalYear=2017&ward=${encodeURIComponent('北区')}`)
  ).text();
  return {
    indicator: overtime(sheet),
    pdf: pdfText(Buffer.from(await pdf.arrayBuffer()), 'raw').replace(/\s+/g, ''),
    exported,
  };
}

describe('what the public sees is what the city publishes', () => {
  it('keeps the rule’s 目安 and the reason for staff by default: the public’s sheet, PDF and file leave them out', async () => {
    const staff = sheetDetailSchema.parse(
      await (await (await t.as('somu-staff')).get(`/api/v1/sheets/${sheetId}`)).json(),
    );
    expect(overtime(staff)?.suggestion?.evaluation).toBe('一部未達成');
    expect(overtime(staff)?.evaluationReason).toBe(reason);

    const published = await asPublished();
    expect(published.indicator?.suggestion).toBeNull();
    expect(published.indicator?.evaluationReason).toBeNull();
    expect(published.indicator?.evaluation).toBe('未達成');
    expect(published.pdf).toContain('未達成');
    expect(published.pdf).not.toContain('基準による目安');
    expect(published.pdf).not.toContain('実施日を見直した');
    expect(published.exported).not.toContain('実施日を見直した');
  });

  it('publishes them, in the sheet, the PDF and the file alike, once the 管理者 says so', async () => {
    const admin = await t.as('admin');
    const set = await admin.send('PUT', '/api/v1/evaluation-rule', {
      achieved: 1,
      partly: 0.8,
      publishAids: true,
    });
    expect(set.status, await set.clone().text()).toBe(200);
    // A change of the bands alone leaves the setting as it is.
    const bands = await admin.send('PUT', '/api/v1/evaluation-rule', { achieved: 1, partly: 0.8 });
    expect(await bands.json()).toMatchObject({ publishAids: true });

    const published = await asPublished();
    expect(published.indicator?.suggestion?.evaluation).toBe('一部未達成');
    expect(published.indicator?.evaluationReason).toBe(reason);
    expect(published.pdf).toContain('基準による目安：一部未達成');
    expect(published.pdf).toContain('実施日を見直した');
    expect(published.exported).toContain('実施日を見直した');

    await admin.send('PUT', '/api/v1/evaluation-rule', { achieved: 1, partly: 0.8, publishAids: false });
    expect((await asPublished()).indicator?.suggestion).toBeNull();
  });
});
