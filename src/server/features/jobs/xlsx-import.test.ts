import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetHistory } from '../../../db/schema';
import { openWorkbook, rowOf, saveWorkbook, worksheet } from '../../../imports/xlsx/testing';
import type { ImportPreview } from '../../../schemas/import';
import { indicatorNamed, sheetDetailTitled } from '../../testing/finders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import type { JobStatus } from './job-registry';

let t: TestApp;
let planner: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
});
afterAll(async () => {
  await t.close();
});

const kita = `fiscalYear=2022&ward=${encodeURIComponent('北区')}`;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(
  client: TestClient,
  bytes: Buffer,
  path = '/api/v1/jobs/import/preview?fileName=kita.xlsx',
): Promise<{ status: number; job?: JobStatus }> {
  const res = await client.request(path, {
    method: 'POST',
    headers: { 'content-type': xlsxType },
    body: new Uint8Array(bytes),
  });
  if (res.status !== 202) return { status: res.status };
  let job = (await res.json()) as JobStatus;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    job = (await (await client.get(`/api/v1/jobs/${job.id}`)).json()) as JobStatus;
  }
  return { status: 202, job };
}

const historyCount = async () => (await t.database.db.select({ n: count() }).from(sheetHistory))[0]?.n;

describe('Excel through the API', () => {
  it('downloads the ward workbook and a blank template', async () => {
    const res = await t.public.get(`/api/v1/downloads/xlsx?${kita}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(xlsxType);
    const workbook = await openWorkbook(Buffer.from(await res.arrayBuffer()));
    expect(workbook.worksheets.map((w) => w.name)).toContain('健康福祉課');
    const template = await t.public.get('/api/v1/downloads/xlsx-template?fiscalYear=2023');
    expect(template.status).toBe(200);
    expect((await openWorkbook(Buffer.from(await template.arrayBuffer()))).worksheets.length).toBeGreaterThan(
      0,
    );
  });

  it('imports an edited workbook as a job: the change lands, with progress and history', async () => {
    const bytes = Buffer.from(await (await planner.get(`/api/v1/downloads/xlsx?${kita}`)).arrayBuffer());
    const workbook = await openWorkbook(bytes);
    const sheet = worksheet(workbook, '建設課');
    const row = rowOf(sheet, 5, '研修発表実施数');
    const resultColumn = 11;
    sheet.getCell(row, resultColumn).value = '7回';
    const edited = await saveWorkbook(workbook);
    const before = await historyCount();
    const { job: checked } = await upload(planner, edited);
    expect(checked).toMatchObject({ state: 'done', done: 8, total: 8 });
    const preview = checked?.result as ImportPreview;
    expect(preview).toMatchObject({
      format: 'xlsx',
      fileName: 'kita.xlsx',
      replaced: 1,
      unchanged: 7,
      needsReason: true,
    });
    expect(preview.sheetOutcomes.find((o) => o.action === 'replace')).toMatchObject({
      title: '建設課',
      changes: [
        expect.objectContaining({ label: expect.stringMatching(/研修発表実施数.*R4結果$/), after: '7回' }),
      ],
    });
    expect(await historyCount()).toBe(before);
    const confirm = (reason?: string) =>
      `/api/v1/jobs/import?${new URLSearchParams({ previewToken: preview.previewToken, fileName: 'kita.xlsx', via: 'browser', ...(reason ? { reason } : {}) })}`;
    const refused = await upload(planner, edited, confirm());
    expect(refused.job?.state).toBe('failed');
    expect(refused.job?.error).toMatchObject({ code: 'invalid', issues: [{ path: 'reason' }] });
    expect(await historyCount()).toBe(before);
    const { job } = await upload(planner, edited, confirm('研修発表の回数の訂正'));
    expect(job).toMatchObject({ state: 'done', done: 8, total: 8 });
    expect(job?.result).toMatchObject({ sheets: 8, updatedSheets: 1, unchangedSheets: 7 });
    expect(await historyCount()).toBe((before ?? 0) + 1);
    const detail = await sheetDetailTitled(planner, '建設課');
    const id = detail.id;
    expect(indicatorNamed(detail, '研修発表実施数').result).toMatchObject({ text: '7回', value: 7 });
    const history = await (await planner.get(`/api/v1/sheets/${id}/history`)).json();
    expect(history.entries[0].comment).toBe(
      'Excel ファイル「kita.xlsx」を画面から取り込み（置き換え）。理由：研修発表の回数の訂正',
    );
  });

  it('refuses a malformed workbook naming the worksheet and cell, and writes nothing', async () => {
    const bytes = Buffer.from(await (await planner.get(`/api/v1/downloads/xlsx?${kita}`)).arrayBuffer());
    const workbook = await openWorkbook(bytes);
    const sheet = worksheet(workbook, '健康福祉課');
    const row = rowOf(sheet, 5, '生活習慣病予防講座開催数');
    sheet.getCell(row, 14).value = 'ほぼ達成';
    const before = await historyCount();
    const { job } = await upload(planner, await saveWorkbook(workbook));
    expect(job?.state).toBe('failed');
    expect(job?.error?.issues[0]?.path).toMatch(/^健康福祉課!N\d+$/);
    expect(job?.error?.issues[0]?.message).toMatch(/「達成」「一部未達成」「未達成」/);
    expect(await historyCount()).toBe(before);

    const notXlsx = await upload(planner, Buffer.from('%PDF-1.7 not a workbook'));
    expect(notXlsx.job?.state).toBe('failed');
    expect(notXlsx.job?.error?.message).toMatch(/PDF|形式/);
  });

  it('is for the 企画担当 and 管理者 only', async () => {
    const staff = await t.as('somu-staff');
    expect((await upload(staff, Buffer.from('x'))).status).toBe(403);
    expect(
      (await upload(staff, Buffer.from('x'), `/api/v1/jobs/import?previewToken=${'0'.repeat(64)}`)).status,
    ).toBe(403);
    await t.public.get('/api/v1/auth/me');
    expect((await upload(t.public, Buffer.from('x'))).status).toBe(401);
  });
});
