import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../exports/pdf/poppler';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp } from '../../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const kita = (year: number) => `fiscalYear=${year}&ward=${encodeURIComponent('北区')}`;
const flat = (s: string) => s.replace(/\s+/g, '');
const idOf = async (title: string, year = 2023) => {
  const list = await (await (await t.as('admin')).get(`/api/v1/sheets?${kita(year)}`)).json();
  return list.sheets.find((s: { title: string }) => s.title === title).id as string;
};

describe('downloads', () => {
  it('gives a published sheet as a PDF with every value, and hides a draft from the public', async () => {
    const res = await t.public.get(`/api/v1/downloads/sheets/${await idOf('地域総務課', 2022)}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      encodeURIComponent('令和4年度_北区_地域総務課.pdf'),
    );
    const text = flat(pdfText(Buffer.from(await res.arrayBuffer()), 'raw'));
    for (const value of ['定時退庁推進日実施率', '48.2', '未達成', 'R1実績', 'R4結果', '令和4年4月1日']) {
      expect(text).toContain(value);
    }
    expect((await t.public.get(`/api/v1/downloads/sheets/${await idOf('健康福祉課')}/pdf`)).status).toBe(404);
    const staff = await t.as('fukushi-staff');
    expect((await staff.get(`/api/v1/downloads/sheets/${await idOf('健康福祉課')}/pdf`)).status).toBe(200);
  });

  it('binds the booklet of published sheets only, for everyone', async () => {
    const res = await (await t.as('admin')).get(`/api/v1/downloads/booklet?${kita(2023)}`);
    expect(res.status).toBe(200);
    // The same name as the booklet made as a job (jobs.test.ts).
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="booklet-2023.pdf"; filename*=UTF-8''${encodeURIComponent('令和5年度_新潟市北区_組織目標管理シート.pdf')}`,
    );
    const text = flat(pdfText(Buffer.from(await res.arrayBuffer()), 'layout'));
    expect(text).toContain('北区郷土博物館');
    expect(text).toContain('掲載組織6');
    // Neither the 下書き of 健康福祉課 nor the 承認済み 地域総務課 (their phone numbers) is bound in.
    expect(text).not.toContain('025-387-1325');
    expect(text).not.toContain('025-387-1150');
  });

  it('gives open data as CSV with a BOM, one row per indicator and year, published sheets only for the public', async () => {
    const res = await t.public.get(`/api/v1/downloads/csv?${kita(2023)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).not.toContain('健康福祉課');
    expect(csv).not.toContain('定時退庁推進日実施率');
    const all = await (await (await t.as('admin')).get(`/api/v1/downloads/csv?${kita(2022)}`)).text();
    const rows = all.split('\r\n').filter((line) => line.length > 0);
    expect(rows).toHaveLength(1 + 43 * 4);
  });

  it('answers a year with nothing published with a 404 in Japanese', async () => {
    const res = await t.public.get(`/api/v1/downloads/booklet?${kita(2030)}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/シートはありません/);
  });
});
