import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ withSample: false });
});
afterAll(async () => {
  await t.close();
});

describe('the API document', () => {
  it('is generated from the routes: every documented route with its parameters and bodies', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(operations).toEqual(
      expect.arrayContaining([
        'GET /api/v1/sheets',
        'GET /api/v1/sheets/{id}',
        'PUT /api/v1/sheets/{id}',
        'POST /api/v1/sheets/{id}/transitions',
        'GET /api/v1/export',
        'POST /api/v1/import',
        'POST /api/v1/import/preview',
        'GET /api/v1/downloads/booklet',
        'POST /api/v1/auth/sign-in',
      ]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(24);
    const list = doc.paths['/api/v1/sheets'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual([
      'fiscalYear',
      'ward',
      'municipality',
    ]);
    const save = doc.paths['/api/v1/sheets/{id}'].put;
    expect(save.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(save.requestBody.content['application/json'].schema.required).toEqual(['version', 'document']);
    expect(
      doc.paths['/api/v1/sheets/{id}'].get.responses['200'].content['application/json'].schema.properties,
    ).toHaveProperty('permissions');
  });

  it('has a page that renders it, in Japanese, with no outside resources', async () => {
    const res = await t.request('/api/docs');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<html lang="ja">');
    expect(page).toContain('シートを保存');
    expect(page).not.toMatch(/https?:\/\/(?!json-schema)/);
    expect(page).not.toContain('<script');
  });
});
