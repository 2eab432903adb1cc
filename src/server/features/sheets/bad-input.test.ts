import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goals, indicatorValues, sheetHistory, sheets, targetRevisions } from '../../../db/schema';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../../schemas/sheet-edit';
import { indicatorNamed, sheetIdTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import { nextYearFixture } from '../../testing/next-year-fixture';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let staff: TestClient;
let id = '';
let start: SheetView;

beforeAll(async () => {
  t = await createTestApp();
  expect((await importThroughApi(await t.as('admin'), nextYearFixture())).status).toBe(200);
  staff = await t.as('somu-staff');
  id = await sheetIdTitled(staff, '地域総務課', { fiscalYear: 2023 });
  start = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${id}`)).json());
});
afterAll(async () => {
  await t.close();
});

/** Everything a bad request could have touched. */
async function fingerprint() {
  const { db } = t.database;
  const [s] = await db.select().from(sheets).where(eq(sheets.id, id));
  const counted = async (
    table: typeof goals | typeof indicatorValues | typeof sheetHistory | typeof targetRevisions,
  ) => (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    sheet: s,
    goals: await counted(goals),
    values: await counted(indicatorValues),
    history: await counted(sheetHistory),
    revisions: await counted(targetRevisions),
  };
}

const doc = () => toSheetDocument(start);
const withResult = (text: unknown) => {
  const d = doc();
  // 目標2's indicator: document.goals[1].indicators[0] in the paths the refusals name.
  const ind = indicatorNamed(d, '避難所運営組織数') as unknown as { result: { text: unknown } };
  ind.result.text = text;
  return d;
};

type Case = [
  name: string,
  method: 'POST' | 'PUT',
  path: () => string,
  body: unknown,
  status: number,
  field?: string,
];

const cases: Case[] = [
  ['save: version missing', 'PUT', () => `/api/v1/sheets/${id}`, () => ({ document: doc() }), 400, 'version'],
  [
    'save: version of the wrong type',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: '1', document: doc() }),
    400,
    'version',
  ],
  [
    'save: document missing',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version }),
    400,
    'document',
  ],
  [
    'save: goals not a list',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: { ...doc(), goals: 'x' } }),
    400,
    'document.goals',
  ],
  [
    'save: a number where text belongs',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: withResult(12) }),
    400,
    'document.goals[1].indicators[0].result.text',
  ],
  [
    'save: a huge string',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: { ...doc(), outcome: 'あ'.repeat(100_001) } }),
    400,
    'document.outcome',
  ],
  [
    'save: a NUL character in text',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: { ...doc(), outcome: '取組\u0000の結果' } }),
    400,
    'document.outcome',
  ],
  [
    'save: a lone surrogate in a value cell',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: withResult('50\ud800') }),
    400,
    'document.goals[1].indicators[0].result.text',
  ],
  [
    'save: an unknown field',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version, document: { ...doc(), status: 'published' } }),
    400,
    'document',
  ],
  [
    'save: a target changed after approval',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({
      version: start.version,
      document: (() => {
        const d = doc();
        indicatorNamed(d, '協働した団体数').target = { text: '10' };
        return d;
      })(),
    }),
    400,
    'document.goals[2].indicators[0].target',
  ],
  [
    'save: an indicator of another organization',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({
      version: start.version,
      document: (() => {
        const d = doc();
        indicatorNamed(d, '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定').indicatorId =
          '00000000-0000-4000-8000-000000000000';
        return d;
      })(),
    }),
    400,
  ],
  [
    'save: a stale version',
    'PUT',
    () => `/api/v1/sheets/${id}`,
    () => ({ version: start.version + 1, document: doc() }),
    409,
  ],
  [
    'transition: unknown',
    'POST',
    () => `/api/v1/sheets/${id}/transitions`,
    () => ({ transition: 'drop', version: start.version }),
    400,
    'transition',
  ],
  [
    'transition: out of order (publish an approved sheet)',
    'POST',
    () => `/api/v1/sheets/${id}/transitions`,
    () => ({ transition: 'publish', version: start.version }),
    403,
  ],
  [
    'transition: out of order (submit an approved sheet)',
    'POST',
    () => `/api/v1/sheets/${id}/transitions`,
    () => ({ transition: 'submit', version: start.version }),
    409,
  ],
  [
    'transition: evaluation with results missing',
    'POST',
    () => `/api/v1/sheets/${id}/transitions`,
    () => ({ transition: 'submitEvaluation', version: start.version }),
    400,
    'goals[0].indicators[0].result',
  ],
  [
    'revision: no reason',
    'POST',
    () => `/api/v1/sheets/${id}/revisions`,
    () => ({
      version: start.version,
      indicatorId: indicatorNamed(start, '・区ビジョン基本方針の策定・区ビジョンまちづくり計画の策定')
        .indicatorId,
      to: { text: '8' },
      reason: ' ',
    }),
    400,
    'reason',
  ],
  [
    'revision: an indicator not on the sheet',
    'POST',
    () => `/api/v1/sheets/${id}/revisions`,
    () => ({
      version: start.version,
      indicatorId: '00000000-0000-4000-8000-000000000000',
      to: { text: '8' },
      reason: '理由',
    }),
    400,
    'indicatorId',
  ],
  [
    'decision: no such revision',
    'POST',
    () => `/api/v1/sheets/${id}/revisions/00000000-0000-4000-8000-000000000000/decision`,
    () => ({ version: start.version, decision: 'approve' }),
    403,
  ],
  [
    'import: not a ward file',
    'POST',
    () => '/api/v1/import/preview',
    () => ({ sheets: [] }),
    // Refused before the file is read: 担当者 import nowhere (the malformed-files corpus checks files).
    403,
  ],
];

describe('bad input on every write endpoint: a clear 4xx and nothing changed', () => {
  it.each(cases)('%s', async (_name, method, path, body, status, field) => {
    const before = await fingerprint();
    const res = await staff.send(method, path(), (body as () => unknown)());
    expect(res.status).toBe(status);
    const error = (await res.json()).error;
    expect(error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    if (field) expect(error.issues.map((i: { path: string }) => i.path)).toContain(field);
    for (const issue of error.issues) expect(issue.message).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(await fingerprint()).toStrictEqual(before);
  });

  it('refuses a body that is not JSON, and a request without the CSRF token, changing nothing', async () => {
    const before = await fingerprint();
    const notJson = await staff.request(`/api/v1/sheets/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"version": 1, "document": ',
    });
    expect(notJson.status).toBe(400);
    const noToken = await staff.request(`/api/v1/sheets/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' },
      body: JSON.stringify({ version: start.version, document: doc() }),
    });
    expect(noToken.status).toBe(403);
    expect((await noToken.json()).error.message).toMatch(/再読み込み/);
    const crossSite = await staff.request(`/api/v1/sheets/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ version: start.version, document: doc() }),
    });
    expect(crossSite.status).toBe(403);
    const anonymous = await t.public.send('PUT', `/api/v1/sheets/${id}`, {
      version: start.version,
      document: doc(),
    });
    expect([401, 403, 404]).toContain(anonymous.status);
    expect(await fingerprint()).toStrictEqual(before);
  });

  it('stores SQL-looking text as the text it is, and breaks nothing', async () => {
    const d = doc();
    d.outcome = '\'; DROP TABLE sheets; -- " OR 1=1';
    const res = await staff.send('PUT', `/api/v1/sheets/${id}`, { version: start.version, document: d });
    expect(res.status).toBe(200);
    const saved = sheetViewSchema.parse((await res.json()).sheet);
    expect(saved.outcome).toBe('\'; DROP TABLE sheets; -- " OR 1=1');
    const [n] = await t.database.db.select({ n: count() }).from(sheets);
    expect(n?.n).toBeGreaterThan(8);
  });
});
