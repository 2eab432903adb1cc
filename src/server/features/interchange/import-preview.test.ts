import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../db/seed/niigata-kita-2022.json';
import { encodeLegacy, encodeUtf16 } from '../../../imports/json/testing';
import type { ImportPreview, ImportResult } from '../../../schemas/import';
import type { WardYearFile } from '../../../schemas/interchange';
import { databaseFingerprint } from '../../testing/db-fingerprint';
import { indicatorNamed, sampleFile, sheetFileTitled } from '../../testing/finders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let planner: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
});
afterAll(async () => {
  await t.close();
});

const fingerprint = () => databaseFingerprint(t.database.db);

/** The sample with 健康福祉課's 生活習慣病予防講座開催数 result changed from 6回. */
function editedSample(result: string): WardYearFile {
  const file = sampleFile();
  const indicator = indicatorNamed(sheetFileTitled(file, '健康福祉課'), '生活習慣病予防講座開催数');
  indicator.result = { text: result, value: Number.parseInt(result, 10) };
  return file;
}

function post(client: TestClient, path: string, body: Uint8Array | string | object) {
  const bytes =
    body instanceof Uint8Array
      ? body
      : new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  return client.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Blob([new Uint8Array(bytes)]),
  });
}

async function preview(client: TestClient, file: object | Uint8Array, query = ''): Promise<ImportPreview> {
  const res = await post(client, `/api/v1/import/preview${query}`, file);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as ImportPreview;
}

function confirmPath(token: string, extra: Record<string, string> = {}) {
  return `/api/v1/import?${new URLSearchParams({ previewToken: token, ...extra })}`;
}

async function historyOf(client: TestClient, sheetId: string) {
  const res = await client.get(`/api/v1/sheets/${sheetId}/history`);
  return (await res.json()) as {
    entries: {
      kind: string;
      actor: string;
      comment: string | null;
      changes: { path: string; label: string; before: string | null; after: string | null }[];
    }[];
  };
}

describe('取り込みの確認 (preview), then the import', () => {
  it('shows created / replaced / unchanged with field-level differences, writing nothing', async () => {
    const before = await fingerprint();
    const p = await preview(planner, editedSample('60回'), '?expectedFiscalYear=2022&expectedWard=北区');
    expect(await fingerprint()).toStrictEqual(before);
    expect(p).toMatchObject({ municipality: '新潟市', ward: '北区', fiscalYear: 2022, format: 'json' });
    expect(p).toMatchObject({ created: 0, replaced: 1, unchanged: 7, mismatch: false, needsReason: true });
    const replaced = p.sheetOutcomes.find((o) => o.action === 'replace');
    expect(replaced).toMatchObject({ title: '健康福祉課', currentStatus: 'published', needsReason: true });
    expect(replaced?.changes).toEqual(
      expect.arrayContaining([
        {
          path: 'goals[1].indicators[1].result',
          label: '目標2 › 指標「生活習慣病予防講座開催数」 › R4結果',
          before: '6回',
          after: '60回',
        },
      ]),
    );
    for (const o of p.sheetOutcomes.filter((x) => x.action === 'unchanged')) expect(o.changes).toEqual([]);
    expect(p.previewToken).toMatch(/^[0-9a-f]{64}$/);
  });

  it('calls out a year or 部区 other than the page it was started from', async () => {
    const p = await preview(
      planner,
      sample,
      `?expectedFiscalYear=2023&expectedWard=${encodeURIComponent('南区')}`,
    );
    expect(p.mismatch).toBe(true);
    expect(p.mismatches.map((m) => m.field).sort()).toEqual(['fiscalYear', 'ward']);
    expect(p.mismatches.find((m) => m.field === 'fiscalYear')?.message).toMatch(/令和4年度.*令和5年度/);
  });

  it('refuses to replace a published sheet without a reason (400, path reason), with a wrong token (409 + fresh preview)', async () => {
    const file = editedSample('61回');
    const p = await preview(planner, file);
    const before = await fingerprint();
    const noReason = await post(planner, confirmPath(p.previewToken), file);
    expect(noReason.status).toBe(400);
    const body = (await noReason.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toEqual(['reason']);
    expect(body.error.issues[0]?.message).toMatch(/健康福祉課.*理由/);
    const blank = await post(planner, confirmPath(p.previewToken, { reason: '   ' }), file);
    expect(blank.status).toBe(400);
    const wrongToken = await post(planner, confirmPath('0'.repeat(64), { reason: '訂正' }), file);
    expect(wrongToken.status).toBe(409);
    const conflict = (await wrongToken.json()) as { error: { details: { preview: ImportPreview } } };
    expect(conflict.error.details.preview.previewToken).toBe(p.previewToken);
    const noToken = await post(planner, '/api/v1/import', file);
    expect(noToken.status).toBe(400);
    expect(((await noToken.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe(
      'previewToken',
    );
    expect(await fingerprint()).toStrictEqual(before);
  });

  it('answers 409 with the fresh preview when a sheet changed between preview and confirmation', async () => {
    const file = editedSample('62回');
    const p = await preview(planner, file);
    // Someone else replaces 健康福祉課 in between.
    const other = editedSample('63回');
    const q = await preview(planner, other);
    expect((await post(planner, confirmPath(q.previewToken, { reason: '別の訂正' }), other)).status).toBe(
      200,
    );
    const before = await fingerprint();
    const late = await post(planner, confirmPath(p.previewToken, { reason: '訂正' }), file);
    expect(late.status).toBe(409);
    const fresh = ((await late.json()) as { error: { details: { preview: ImportPreview } } }).error.details
      .preview;
    expect(fresh.previewToken).not.toBe(p.previewToken);
    expect(fresh.sheetOutcomes.find((o) => o.action === 'replace')?.changes[0]).toMatchObject({
      before: '63回',
      after: '62回',
    });
    expect(await fingerprint()).toStrictEqual(before);
  });

  it('records before → after, the source and the reason in the replaced sheet’s history only', async () => {
    const file = editedSample('7回');
    const p = await preview(planner, file);
    const ids = p.sheetOutcomes.map((o) => o.sheetId ?? '');
    const lengths = await Promise.all(ids.map(async (id) => (await historyOf(planner, id)).entries.length));
    const res = await post(
      planner,
      confirmPath(p.previewToken, { reason: '集計誤りの訂正', fileName: 'kita.json' }),
      file,
    );
    expect(res.status).toBe(200);
    const result = (await res.json()) as ImportResult;
    expect(result).toMatchObject({ createdSheets: 0, updatedSheets: 1, unchangedSheets: 7 });
    for (const [i, o] of p.sheetOutcomes.entries()) {
      const { entries } = await historyOf(planner, ids[i] ?? '');
      if (o.action === 'unchanged') {
        expect(entries.length).toBe(lengths[i]);
        continue;
      }
      const [latest] = entries;
      expect(latest).toMatchObject({ kind: 'import', actor: expect.stringMatching(/./) });
      expect(latest?.comment).toBe(
        '交換形式の JSON ファイル「kita.json」を API から取り込み（置き換え）。理由：集計誤りの訂正',
      );
      expect(latest?.changes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ label: expect.stringMatching(/R4結果$/), after: '7回' }),
        ]),
      );
    }
    // The same file again changes nothing and needs no reason.
    const again = await preview(planner, file);
    expect(again).toMatchObject({ replaced: 0, unchanged: 8, needsReason: false });
    const before = await fingerprint();
    expect((await post(planner, confirmPath(again.previewToken), file)).status).toBe(200);
    expect(await fingerprint()).toStrictEqual(before);
  });

  it('is for the 企画担当 and 管理者 of the 部区 only', async () => {
    const staff = await t.as('somu-staff');
    expect((await post(staff, '/api/v1/import/preview', sample)).status).toBe(403);
    expect((await post(staff, confirmPath('0'.repeat(64)), sample)).status).toBe(403);
    await t.public.get('/api/v1/auth/me');
    expect((await post(t.public, '/api/v1/import/preview', sample)).status).toBe(401);
  });
});

describe('fields the format does not know', () => {
  it('imports the file, ignoring them and listing each by its path; prototype keys do no harm', async () => {
    const text = JSON.stringify(editedSample('8回'))
      .replace('{"municipality"', '{"__proto__":{"polluted":"yes"},"exportedBy":"other tool","municipality"')
      .replace('"goals":[', '"constructor":{"prototype":{"polluted":"yes"}},"memo":{"a":1},"goals":[');
    const withPrototype = JSON.parse(text) as Record<string, unknown>;
    const p = await preview(planner, new TextEncoder().encode(text));
    expect(p.warnings.map((w) => w.path)).toEqual(
      expect.arrayContaining(['__proto__', 'exportedBy', 'sheets[0].constructor', 'sheets[0].memo']),
    );
    expect(p.warnings.find((w) => w.path === 'exportedBy')?.message).toMatch(/無視/);
    const res = await post(
      planner,
      confirmPath(p.previewToken, { reason: '再取り込み' }),
      new TextEncoder().encode(text),
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as ImportResult).warnings.length).toBe(p.warnings.length);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Object.keys(withPrototype)).toContain('__proto__');
    const exported = (await (await planner.get('/api/v1/export?fiscalYear=2022&ward=北区')).json()) as Record<
      string,
      unknown
    >;
    expect(exported).not.toHaveProperty('exportedBy');
    expect(JSON.stringify(exported)).not.toMatch(/polluted|memo/);
  });
});

describe('encodings', () => {
  const json = () => JSON.stringify(editedSample('6回'));

  it('accepts UTF-8 with a byte order mark', async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(json())]);
    const p = await preview(planner, bom);
    expect(p.ward).toBe('北区');
  });

  it.each([
    ['Shift_JIS', () => encodeLegacy(json(), 'shift_jis'), /Shift_JIS/],
    ['EUC-JP', () => encodeLegacy(json(), 'euc-jp'), /EUC-JP/],
    ['UTF-16 LE with BOM', () => encodeUtf16(json(), 'le', true), /UTF-16（リトルエンディアン、BOM 付き）/],
    ['UTF-16 BE with BOM', () => encodeUtf16(json(), 'be', true), /UTF-16（ビッグエンディアン、BOM 付き）/],
    ['UTF-16 LE', () => encodeUtf16(json(), 'le', false), /UTF-16（リトルエンディアン）/],
    ['UTF-16 BE', () => encodeUtf16(json(), 'be', false), /UTF-16（ビッグエンディアン）/],
    [
      'invalid UTF-8',
      () => new Uint8Array([...new TextEncoder().encode('{"a":"'), 0xc3, 0x28, 0x22, 0x7d]),
      /UTF-8 として読めないバイト.*7 バイト目/,
    ],
  ])('refuses %s naming the encoding, writing nothing', async (_name, bytes, pattern) => {
    const before = await fingerprint();
    for (const path of ['/api/v1/import/preview', confirmPath('0'.repeat(64))]) {
      const res = await post(planner, path, bytes());
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { message: string; issues: { path: string }[] } };
      expect(body.error.message).toMatch(pattern);
      expect(body.error.message).toMatch(/UTF-8 で保存し直して/);
      expect(body.error.issues[0]?.path).toBe('');
    }
    expect(await fingerprint()).toStrictEqual(before);
  });
});
