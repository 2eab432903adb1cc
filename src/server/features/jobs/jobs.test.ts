import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../exports/pdf/poppler';
import { createTestApp, type TestApp } from '../../testing/test-app';
import type { JobStatus } from './job-registry';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('a booklet built as a job with progress', () => {
  it('reports each sheet as it is laid out, then gives the PDF', async () => {
    await t.public.get('/api/v1/auth/me');
    const start = await t.public.send('POST', '/api/v1/jobs/booklet', { ward: '北区', fiscalYear: 2022 });
    expect(start.status).toBe(202);
    const { id } = (await start.json()) as JobStatus;
    const seen: string[] = [];
    let status: JobStatus;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (await (await t.public.get(`/api/v1/jobs/${id}`)).json()) as JobStatus;
      if (!seen.includes(status.message)) seen.push(status.message);
    } while (status.state === 'running');
    expect(status).toMatchObject({ state: 'done', done: 8, total: 8 });
    expect(seen.some((m) => /^\d\/8 シートを作成中$/.test(m))).toBe(true);
    const file = await t.public.get(`/api/v1/jobs/${id}/file`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    // The same name as the booklet downloaded at once (downloads.test.ts).
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="booklet-2022.pdf"; filename*=UTF-8''${encodeURIComponent('令和4年度_新潟市北区_組織目標管理シート.pdf')}`,
    );
    const text = pdfText(Buffer.from(await file.arrayBuffer()), 'layout').replace(/\s+/g, '');
    expect(text).toContain('北出張所');
  }, 60_000);

  it('keeps one person’s job from another', async () => {
    const staff = await t.as('somu-staff');
    const start = await staff.send('POST', '/api/v1/jobs/booklet', { ward: '北区', fiscalYear: 2022 });
    const { id } = (await start.json()) as JobStatus;
    expect((await t.public.get(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await staff.get(`/api/v1/jobs/${id}`)).status).toBe(200);
    await expect
      .poll(async () => ((await (await staff.get(`/api/v1/jobs/${id}`)).json()) as JobStatus).state, {
        timeout: 30_000,
      })
      .toBe('done');
  }, 60_000);
});
