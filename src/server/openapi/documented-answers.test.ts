import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword } from '../../db/seed/demo-users';
import type { JobStatus } from '../../schemas/answers';
import { importPreviewSchema } from '../../schemas/import';
import { wardYearFileSchema } from '../../schemas/interchange';
import { organizationSchema, wardYearSheetsSchema } from '../../schemas/sheet';
import { type SheetView, sheetViewSchema, toSheetDocument } from '../../schemas/sheet-edit';
import { userWithPasswordSchema } from '../../schemas/users';
import { importThroughApi } from '../testing/import-through-api';
import { settledJob } from '../testing/jobs';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';
import {
  checkedClient,
  type DocumentedOperation,
  declaresItsAnswer,
  documentedOperations,
  successAnswers,
} from './documented-answers';

/**
 * Every documented operation declares its answer, and real answers fit it: a walk through the
 * sample (read, roll over, edit, submit, approve, revise, correct, date, import, booklet,
 * reorganize) with every answer checked against the schema the OpenAPI document publishes.
 */

let t: TestApp;
let operations: DocumentedOperation[];
const reached = new Set<string>();
let addressCount = 0;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request('/api/openapi.json');
  operations = documentedOperations(await res.json());
});
afterAll(async () => {
  await t.close();
});

const checked = (client: TestClient) => checkedClient(client, operations, reached);

/** A new browser (from its own address, so throttles of one never reach another), signed in through the checked API. */
async function signIn(loginId: string): Promise<TestClient> {
  addressCount += 1;
  const client = checked(t.from(`192.0.2.${addressCount}`));
  await client.get('/api/v1/auth/me');
  const res = await client.send('POST', '/api/v1/auth/sign-in', { loginId, password: demoPassword });
  expect(res.status).toBe(200);
  return client;
}

const ward = encodeURIComponent('北区');

async function sheetOf(client: TestClient, fiscalYear: number, title: string): Promise<SheetView> {
  const list = wardYearSheetsSchema.parse(
    await (await client.get(`/api/v1/sheets?fiscalYear=${fiscalYear}&ward=${ward}`)).json(),
  );
  const found = list.sheets.find((s) => s.title === title);
  if (!found) throw new Error(`no sheet ${title} in ${fiscalYear}`);
  const res = await client.get(`/api/v1/sheets/${found.id}`);
  expect(res.status).toBe(200);
  return sheetViewSchema.parse(await res.json());
}

const indicatorsOf = (sheet: SheetView) => sheet.goals.flatMap((g) => g.indicators);

async function finished(client: TestClient, started: Response): Promise<JobStatus> {
  const job = await settledJob(client, started);
  expect(job.state, JSON.stringify(job.error)).toBe('done');
  return job;
}

describe('the OpenAPI document', () => {
  it('declares the success answer of every documented operation (a schema, or a file’s media type)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(42);
    expect(operations.filter((o) => !declaresItsAnswer(o)).map((o) => o.key)).toEqual([]);
    const files = operations.filter((o) =>
      successAnswers(o).some(([, answer]) => !answer.content?.['application/json']),
    );
    expect(files.map((o) => o.key).sort()).toEqual([
      'GET /api/v1/downloads/booklet',
      'GET /api/v1/downloads/catalog',
      'GET /api/v1/downloads/csv',
      'GET /api/v1/downloads/csv-metadata',
      'GET /api/v1/downloads/dcat',
      'GET /api/v1/downloads/sheets/{id}/pdf',
      'GET /api/v1/downloads/xlsx',
      'GET /api/v1/downloads/xlsx-template',
      'GET /api/v1/jobs/{id}/file',
      'GET /api/v1/progress/csv',
    ]);
  });
});

describe('real answers fit the declared schemas', () => {
  let published: SheetView;

  it('for the public: health, who, wards, search, overviews, sheets, series, organizations, files', async () => {
    const pub = checked(t.public);
    expect((await pub.get('/api/health')).status).toBe(200);
    expect((await pub.get('/api/v1/auth/me')).status).toBe(200);
    expect((await pub.get('/api/v1/wards')).status).toBe(200);
    expect((await pub.get(`/api/v1/search?q=${encodeURIComponent('避難所')}`)).status).toBe(200);
    expect((await pub.get(`/api/v1/overview/ward-year?fiscalYear=2022&ward=${ward}`)).status).toBe(200);
    expect((await pub.get('/api/v1/overview/municipality-year?fiscalYear=2022')).status).toBe(200);
    published = await sheetOf(pub, 2022, '地域総務課');
    const indicator = indicatorsOf(published).find((i) => i.indicatorId);
    expect((await pub.get(`/api/v1/indicators/${indicator?.indicatorId}/series`)).status).toBe(200);
    expect((await pub.get(`/api/v1/organizations?ward=${ward}`)).status).toBe(200);
    const year = `fiscalYear=2022&ward=${ward}`;
    for (const path of [
      `/api/v1/downloads/sheets/${published.id}/pdf`,
      `/api/v1/downloads/xlsx?${year}`,
      `/api/v1/downloads/csv?${year}`,
      '/api/v1/downloads/xlsx-template?fiscalYear=2023',
      `/api/v1/export?${year}`,
      `/api/v1/downloads/dcat?${year}`,
      '/api/v1/downloads/catalog',
      `/api/v1/downloads/csv-metadata?${year}`,
    ]) {
      expect((await pub.get(path)).status, path).toBe(200);
    }
  }, 60_000);

  it('for the 管理者: settings, throttles, imports (at once and as jobs)', async () => {
    const admin = await signIn('admin');
    const rule = await (await admin.get('/api/v1/evaluation-rule')).json();
    expect((await admin.send('PUT', '/api/v1/evaluation-rule', rule)).status).toBe(200);
    const nominal = await (await admin.get('/api/v1/nominal-dates')).json();
    expect((await admin.send('PUT', '/api/v1/nominal-dates', nominal)).status).toBe(200);
    const { name, url } = await (await admin.get('/api/v1/licence')).json();
    expect((await admin.send('PUT', '/api/v1/licence', { name, url })).status).toBe(200);
    expect((await admin.send('DELETE', '/api/v1/licence')).status).toBe(200);

    const stranger = checked(t.from('198.51.100.7'));
    await stranger.get('/api/v1/auth/me');
    const refused = await stranger.send('POST', '/api/v1/auth/sign-in', { loginId: 'viewer', password: 'x' });
    expect(refused.status).toBe(401);
    expect((await admin.get('/api/v1/sign-in-throttles')).status).toBe(200);
    expect((await admin.send('POST', '/api/v1/sign-in-throttles/clear', { loginId: 'viewer' })).status).toBe(
      200,
    );

    // One sheet of the year, as exported: an import leaves the sheets a file does not hold alone.
    const exported = wardYearFileSchema.parse(
      await (await admin.get(`/api/v1/export?fiscalYear=2022&ward=${ward}`)).json(),
    );
    const file = {
      ...exported,
      sheets: exported.sheets.filter((s) => s.department === '地域総務課' && !s.organization),
    };
    expect(file.sheets).toHaveLength(1);
    expect((await importThroughApi(admin, file)).status).toBe(200);
    const bytes = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(file),
    };
    const preview = await finished(
      admin,
      await admin.request('/api/v1/jobs/import/preview?fileName=kita.json', bytes),
    );
    const { previewToken, needsReason } = importPreviewSchema.parse(preview.result);
    const confirm = new URLSearchParams({ fileName: 'kita.json', previewToken });
    if (needsReason) confirm.set('reason', '同じファイルの取り込み');
    await finished(admin, await admin.request(`/api/v1/jobs/import?${confirm}`, bytes));
  }, 60_000);

  it('for a year’s work: rollover, deadlines, dates, edit, submit, approve, revise, correct, history', async () => {
    const planner = await signIn('kita-kikaku');
    const staff = await signIn('somu-staff');
    const head = await signIn('somu-head');
    const year = `fiscalYear=2022&ward=${ward}`;
    expect((await planner.get(`/api/v1/consistency?${year}`)).status).toBe(200);
    expect((await planner.get(`/api/v1/progress?${year}`)).status).toBe(200);
    expect((await planner.get('/api/v1/home')).status).toBe(200);
    const bulk = await finished(
      planner,
      await planner.send('POST', '/api/v1/jobs/bulk-action', {
        action: 'publish',
        sheets: [{ id: crypto.randomUUID(), version: 1 }],
      }),
    );
    expect(bulk.result).toMatchObject({ done: 0, refused: 1 });
    expect((await planner.get(`/api/v1/progress/csv?${year}&sort=deadline`)).status).toBe(200);
    expect((await planner.send('POST', '/api/v1/rollover', { ward: '北区', fromYear: 2022 })).status).toBe(
      201,
    );
    const deadlines = { plan: '2023-05-31', revision: null, evaluation: null };
    const body = { ward: '北区', fiscalYear: 2023 };
    expect((await planner.send('PUT', '/api/v1/deadlines', { ...body, deadlines })).status).toBe(200);
    const dates = { createdOn: null, revisedOn: null, evaluatedOn: null };
    expect((await planner.send('PUT', '/api/v1/ward-year-dates', { ...body, dates })).status).toBe(200);
    // A booklet job of a year with nothing published yet fails at once, and says why.
    const booklet = await settledJob(planner, await planner.send('POST', '/api/v1/jobs/booklet', body));
    expect(booklet).toMatchObject({ state: 'failed', error: { code: 'not_found' } });

    let sheet = await sheetOf(staff, 2023, '地域総務課');
    const base = `/api/v1/sheets/${sheet.id}`;
    const document = { ...toSheetDocument(sheet), phone: '025-000-0000' };
    expect((await staff.send('POST', `${base}/presence`)).status).toBe(200);
    expect((await staff.send('DELETE', `${base}/presence`)).status).toBe(200);
    let res = await planner.send('POST', `${base}/comments`, {
      subject: 'sheet',
      body: '目標1の指標を確認してください。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const [thread] = (await res.json()).threads;
    res = await staff.send('POST', `/api/v1/comment-threads/${thread.id}/replies`, {
      body: '確認しました。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    res = await planner.send('POST', `/api/v1/comment-threads/${thread.id}/resolution`, { resolved: true });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await head.get(`${base}/comments`)).status).toBe(200);
    res = await planner.send('POST', `${base}/reminders`, { message: '期限までに提出してください。' });
    expect(res.status, await res.clone().text()).toBe(201);
    // The reply and the resolution were told to the 企画担当; she reads them and changes her mail.
    res = await planner.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    expect((await res.json()).unread).toBeGreaterThan(0);
    res = await planner.send('POST', '/api/v1/notifications/read', {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await planner.get('/api/v1/notifications/settings')).status).toBe(200);
    res = await planner.send('PUT', '/api/v1/notifications/settings', { mailDelivery: 'immediate' });
    expect(res.status, await res.clone().text()).toBe(200);
    res = await staff.send('PUT', base, { version: sheet.version, document });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);
    const move = async (client: TestClient, transition: string) => {
      const moved = await client.send('POST', `${base}/transitions`, { transition, version: sheet.version });
      expect(moved.status, await moved.clone().text()).toBe(200);
      sheet = sheetViewSchema.parse((await moved.json()).sheet);
    };
    await move(staff, 'submit');
    await move(head, 'approve');

    const indicator = indicatorsOf(sheet).find((i) => i.indicatorId);
    res = await staff.send('POST', `${base}/revisions`, {
      version: sheet.version,
      indicatorId: indicator?.indicatorId,
      to: { text: '100' },
      reason: '目標を見直すため。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const proposed = await res.json();
    sheet = sheetViewSchema.parse(proposed.sheet);
    res = await head.send('POST', `${base}/revisions/${proposed.revision.id}/decision`, {
      version: sheet.version,
      decision: 'approve',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    sheet = sheetViewSchema.parse((await res.json()).sheet);

    res = await planner.send('PUT', `${base}/dates`, {
      version: sheet.version,
      dates: { createdOn: '2023-04-03' },
      follow: [],
    });
    expect(res.status, await res.clone().text()).toBe(200);

    const withPastResult = indicatorsOf(sheet).find((i) =>
      i.actuals.some((a) => a.fiscalYear === 2022 && a.text),
    );
    res = await staff.send('POST', `${base}/corrections`, {
      indicatorId: withPastResult?.indicatorId,
      fiscalYear: 2022,
      to: { text: '99' },
      reason: '集計の誤りのため。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { correction } = await res.json();
    res = await head.send('POST', `/api/v1/corrections/${correction.id}/decision?sheet=${sheet.id}`, {
      decision: 'approve',
    });
    expect(res.status, await res.clone().text()).toBe(200);

    expect((await staff.get(`${base}/history`)).status).toBe(200);
    expect((await staff.get(`${base}/snapshots/plan`)).status).toBe(200);
    expect((await staff.send('POST', '/api/v1/auth/sign-out')).status).toBe(200);

    const organizations = organizationSchema
      .array()
      .parse(await (await planner.get(`/api/v1/organizations?ward=${ward}`)).json());
    const somu = organizations.find((o) => o.name === '地域総務課');
    res = await planner.send('POST', '/api/v1/reorganizations', {
      kind: 'rename',
      predecessorIds: [somu?.id],
      successorNames: ['地域総務課（新）'],
      fromFiscalYear: 2024,
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }, 60_000);

  it('for ユーザー管理: list, create, change, stop, restart, reset, and the new user’s own password change', async () => {
    const admin = await signIn('admin');
    expect((await admin.get('/api/v1/users')).status).toBe(200);
    let res = await admin.send('POST', '/api/v1/users', {
      loginId: 'documented',
      displayName: '文書 確認',
      grants: [{ role: 'viewer' }],
      password: 'kari-no-pasuwado-desu',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { detail } = userWithPasswordSchema.parse(await res.json());
    const path = `/api/v1/users/${detail.user.id}`;
    expect((await admin.get(path)).status).toBe(200);
    res = await admin.send('PUT', path, {
      displayName: '文書 確認（変更）',
      email: null,
      grants: [{ role: 'viewer' }],
      lastChangeId: detail.lastChangeId,
    });
    expect(res.status, await res.clone().text()).toBe(200);

    addressCount += 1;
    const user = checked(t.from(`192.0.2.${addressCount}`));
    await user.get('/api/v1/auth/me');
    expect(
      (
        await user.send('POST', '/api/v1/auth/sign-in', {
          loginId: 'documented',
          password: 'kari-no-pasuwado-desu',
        })
      ).status,
    ).toBe(200);
    res = await user.send('POST', '/api/v1/auth/password', {
      currentPassword: 'kari-no-pasuwado-desu',
      newPassword: 'jibun-de-kimeta-pasuwado',
    });
    expect(res.status, await res.clone().text()).toBe(200);

    expect((await admin.send('POST', `${path}/deactivate`)).status).toBe(200);
    expect((await admin.send('POST', `${path}/reactivate`)).status).toBe(200);
    expect((await admin.send('POST', `${path}/reset-password`)).status).toBe(200);
  });

  it('for シングルサインオン: its settings (管理者), the sign-in page’s buttons, a sign-out', async () => {
    const admin = await signIn('admin');
    expect((await admin.get('/api/v1/sign-on')).status).toBe(200);
    const settings = {
      providerName: '新潟市職員',
      issuer: 'https://idp.example.jp/realms/city',
      clientId: 'mokuhyo',
      clientSecret: 'documented-secret',
      redirectUrl: 'https://mokuhyo.example.jp/api/v1/auth/sign-on/callback',
      matchClaim: 'email',
      matchField: 'email',
      groupsClaim: 'groups',
      groupMappings: [{ group: 'kita-somu-heads', role: 'head', ward: '北区', organization: '地域総務課' }],
      localPasswords: true,
    };
    expect((await admin.send('PUT', '/api/v1/sign-on', settings)).status).toBe(200);
    expect((await checked(t.public).get('/api/v1/auth/sign-on/providers')).status).toBe(200);
    expect((await admin.send('DELETE', '/api/v1/sign-on')).status).toBe(200);
    expect((await admin.send('POST', '/api/v1/auth/sign-on/sign-out')).status).toBe(200);
  });

  it('for the 管理者: the sender of the municipality’s 通知 mail, set and back to the installation’s', async () => {
    const admin = await signIn('admin');
    expect((await admin.get('/api/v1/mail-sender')).status).toBe(200);
    const set = await admin.send('PUT', '/api/v1/mail-sender', {
      address: 'mokuhyo@city.example.jp',
      name: '組織目標管理',
    });
    expect(set.status, await set.clone().text()).toBe(200);
    expect((await admin.send('DELETE', '/api/v1/mail-sender')).status).toBe(200);
  });

  it('for the システム管理者: the municipalities, and registering one with its first 管理者', async () => {
    const system = await signIn('system');
    expect((await system.get('/api/v1/municipalities')).status).toBe(200);
    const res = await system.send('POST', '/api/v1/municipalities', {
      name: '文書市',
      admin: {
        loginId: 'bunsho-admin',
        displayName: '文書市 管理者',
        password: 'documented-first-passphrase',
      },
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('reached every documented operation but the two booklet files', () => {
    // Laying out a year's booklet takes seconds; downloads.test.ts and jobs.test.ts check both
    // files, and their media type is declared above.
    const unreached = operations.map((o) => o.key).filter((key) => !reached.has(key));
    expect(unreached).toEqual(['GET /api/v1/downloads/booklet', 'GET /api/v1/jobs/{id}/file']);
  });
});
