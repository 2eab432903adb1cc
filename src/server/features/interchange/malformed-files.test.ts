import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImportFile } from '../../../imports/read-import-file';
import type { ImportPreview } from '../../../schemas/import';
import type { WardYearFile } from '../../../schemas/interchange';
import { AppError } from '../../app-error';
import { databaseFingerprint } from '../../testing/db-fingerprint';
import { goalNumbered, indicatorNamed, sheetFileTitled } from '../../testing/finders';
import {
  acceptedStrings,
  baseFile,
  type MalformedFile,
  malformedFiles,
  oversizedFile,
} from '../../testing/malformed-files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { importWardYear } from './import-ward-year';

let t: TestApp;
let planner: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  planner = await t.as('kita-kikaku');
});
afterAll(async () => {
  await t.close();
});

const corpus = malformedFiles();
const japanese = /[ぁ-んァ-ン一-龯]/;

function post(path: string, bytes: Uint8Array) {
  return planner.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: new Blob([new Uint8Array(bytes)]),
  });
}

/** What went wrong with a case, or null when it was refused as it should be. */
function misfit(
  c: MalformedFile,
  status: number,
  issues: { path: string; message: string }[],
): string | null {
  if (status !== c.status) return `${c.name}: status ${status}, wanted ${c.status}`;
  if (!issues.some((i) => i.path === c.path))
    return `${c.name}: paths ${issues.map((i) => JSON.stringify(i.path)).join(', ')}, wanted ${JSON.stringify(c.path)}`;
  if (!issues.every((i) => japanese.test(i.message))) return `${c.name}: a message is not in Japanese`;
  return null;
}

describe(`a generated corpus of ${corpus.length} malformed files`, () => {
  it('has at least 200 cases', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
  });

  it('is refused by the service (the reader, then the import that writes) with the path, writing nothing', async () => {
    const before = await databaseFingerprint(t.database.db);
    const wrong: string[] = [];
    for (const c of [...corpus, oversizedFile()]) {
      try {
        const read = await readImportFile(c.bytes, 'case.json');
        await importWardYear(t.database.db, read.file, { warnings: read.warnings });
        wrong.push(`${c.name}: imported`);
      } catch (error) {
        if (!(error instanceof AppError)) wrong.push(`${c.name}: ${String(error)}`);
        else {
          const problem = misfit(c, error.status, error.issues);
          if (problem) wrong.push(problem);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint(t.database.db)).toStrictEqual(before);
  }, 300_000);

  it('is refused over HTTP, by the preview and by the confirmation, with a 4xx naming the path, writing nothing', async () => {
    const base = new TextEncoder().encode(JSON.stringify(baseFile()));
    const preview = (await (await post('/api/v1/import/preview', base)).json()) as ImportPreview;
    const confirm = `/api/v1/import?${new URLSearchParams({ previewToken: preview.previewToken, reason: '検査' })}`;
    const before = await databaseFingerprint(t.database.db);
    const wrong: string[] = [];
    for (const c of [...corpus, oversizedFile()]) {
      for (const path of ['/api/v1/import/preview', confirm]) {
        const res = await post(path, c.bytes);
        const body = (await res.json()) as { error?: { issues: { path: string; message: string }[] } };
        const problem = misfit(c, res.status, body.error?.issues ?? []);
        if (problem) wrong.push(`${path.split('?')[0]} ${problem}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint(t.database.db)).toStrictEqual(before);
  }, 600_000);
});

describe('files that look odd but are fine', () => {
  it('imports unknown fields, a BOM, negative numbers and markup-like text, and exports them byte for byte', async () => {
    const file = baseFile();
    const [a, b, c, d, e] = acceptedStrings as [string, string, string, string, string];
    const sheet = sheetFileTitled(file, '健康福祉課');
    const goal = goalNumbered(sheet, 1);
    const indicator = indicatorNamed(goal, '地域福祉座談会開催');
    sheet.purpose = a;
    sheet.approach = `${b}\n${c}`;
    goal.text = d;
    goal.initiatives = [e, a];
    indicator.note = c;
    indicator.achievement = `${e}\t${d}`;
    indicator.target = { text: '-5', value: -5 };
    indicator.result = { text: '△3', value: -3 };
    const text = JSON.stringify(file)
      .replace('{"municipality"', '{"formatVersion":3,"municipality"')
      .replace('"purpose":', '"reviewer":{"name":"x"},"purpose":');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const previewRes = await post('/api/v1/import/preview', bytes);
    expect(previewRes.status, await previewRes.clone().text()).toBe(200);
    const preview = (await previewRes.json()) as ImportPreview;
    expect(preview.warnings.map((w) => w.path)).toEqual(['formatVersion', 'sheets[0].reviewer']);
    const confirm = `/api/v1/import?${new URLSearchParams({ previewToken: preview.previewToken, reason: '表記の確認' })}`;
    const res = await post(confirm, bytes);
    expect(res.status, await res.clone().text()).toBe(200);

    const exported = await planner.get('/api/v1/export?fiscalYear=2022&ward=北区');
    const raw = await exported.text();
    for (const s of acceptedStrings) expect(raw).toContain(JSON.stringify(s).slice(1, -1));
    const back = (JSON.parse(raw) as WardYearFile).sheets.find((s) => s.department === sheet.department);
    expect(back?.purpose).toBe(a);
    expect(back?.approach).toBe(`${b}\n${c}`);
    if (!back) throw new Error(`${sheet.department} was not exported`);
    expect(goalNumbered(back, 1).text).toBe(d);
    expect(goalNumbered(back, 1).initiatives).toEqual([e, a]);
    expect(indicatorNamed(goalNumbered(back, 1), '地域福祉座談会開催')).toMatchObject({
      note: c,
      achievement: `${e}\t${d}`,
      target: { text: '-5', value: -5 },
      result: { text: '△3', value: -3 },
    });
    expect(raw).not.toMatch(/formatVersion|reviewer/);
  });
});
