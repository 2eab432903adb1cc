import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../exports/pdf/poppler';
import type { SheetDetail } from '../../schemas/sheet';
import { createTestApp, type TestApp } from '../testing/test-app';
import { PdfWorkers, streamBytes } from './pdf-workers';

let t: TestApp;
let sheets: SheetDetail[];
beforeAll(async () => {
  t = await createTestApp();
  const list = await (
    await t.public.get(`/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`)
  ).json();
  sheets = [];
  for (const { id } of list.sheets as { id: string }[]) {
    sheets.push((await (await t.public.get(`/api/v1/sheets/${id}`)).json()) as SheetDetail);
  }
});
afterAll(async () => {
  await t.close();
});

const booklet = (copies: number) => ({
  municipality: '新潟市',
  ward: '北区',
  fiscalYear: 2022,
  issuedOn: '2023-06-01',
  sheets: Array.from({ length: copies }, () => sheets).flat(),
});

describe('PDFs printed in worker threads', () => {
  it('answers a sheet while a booklet is being drawn', async () => {
    const workers = new PdfWorkers();
    const events: string[] = [];
    const sheetUrl = `/api/v1/sheets/${sheets[0]?.id}`;
    let drawnWhenAnswered = -1;
    let read: Promise<void> | undefined;
    try {
      const bytes = await workers
        .booklet(booklet(3), {
          onProgress: (done, total) => {
            // The first sheet drawn: the worker is busy with the rest; read a sheet meanwhile.
            if (done === 0 || read) return;
            events.push('drawing');
            read = t.public.get(sheetUrl).then(async (res) => {
              expect(res.status).toBe(200);
              await res.arrayBuffer();
              events.push('sheet read');
              drawnWhenAnswered = done;
              expect(done).toBeLessThan(total);
            });
          },
        })
        .then(streamBytes);
      events.push('booklet done');
      await read;
      expect(events).toEqual(['drawing', 'sheet read', 'booklet done']);
      expect(drawnWhenAnswered).toBeGreaterThan(0);
      expect(pdfText(Buffer.from(bytes), 'raw', { first: 1, last: 1 }).replace(/\s+/g, '')).toContain(
        '掲載組織24',
      );
    } finally {
      await workers.close();
    }
  }, 120_000);

  it('gives the memory of a booklet back: its thread ends when the booklet is done', async () => {
    const workers = new PdfWorkers();
    try {
      await workers.booklet(booklet(1)).then(streamBytes);
      await expect.poll(() => workers.threads.booklets, { timeout: 10_000 }).toBe(0);
    } finally {
      await workers.close();
    }
  }, 60_000);

  it('answers in Japanese when the worker dies, and goes on serving', async () => {
    // A heap far too small for pdfmake: the booklet's thread runs out of memory and is ended.
    const starved = await createTestApp({ app: { pdf: { bookletHeapMiB: 4 } } });
    try {
      const res = await starved.public.get(
        `/api/v1/downloads/booklet?fiscalYear=2022&ward=${encodeURIComponent('北区')}`,
      );
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({
        code: 'unavailable',
        message: 'PDF を作成できませんでした。しばらくしてからもう一度お試しください。',
      });
      const sheet = await starved.public.get(`/api/v1/downloads/sheets/${sheets[0]?.id}/pdf`);
      expect(sheet.status).toBe(200);
      expect(pdfText(Buffer.from(await sheet.arrayBuffer()), 'raw')).toContain('組織目標管理シート');
    } finally {
      await starved.close();
    }
  }, 120_000);
});
