import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSchema, wardYearSheetsSchema } from '../../../schemas/sheet';
import { otherWardFile } from '../../testing/policy-matrix';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { importWardYear } from '../interchange/import-ward-year';
import { registerMunicipality } from '../municipalities/municipalities';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('organizations', () => {
  it('lists the ward and its organizations as a hierarchy', async () => {
    const res = await t.request(`/api/v1/organizations?ward=${encodeURIComponent('北区')}`);
    expect(res.status).toBe(200);
    const orgs = organizationSchema.array().parse(await res.json());
    const ward = orgs[0];
    expect(ward).toMatchObject({ name: '北区', kind: 'ward', parentId: null });
    const byName = new Map(orgs.map((o) => [o.name, o]));
    expect(byName.get('北区郷土博物館')?.parentId).toBe(byName.get('地域総務課')?.id);
    expect(byName.get('区民生活課')?.parentId).toBe(byName.get('北区役所')?.id);
    expect(byName.get('建設課')).toMatchObject({
      parentId: ward?.id,
      wardId: ward?.id,
      phone: '025-387-1405',
    });
    expect(orgs.every((o) => o.wardId === ward?.id)).toBe(true);
  });
});

describe('a 部区 name several municipalities share', () => {
  it('is the default (first registered) municipality’s without `municipality`, another’s with it', async () => {
    const db = t.database.db;
    // 長岡市 joins the installation after 新潟市, with a 北区 of its own and a 西区 only it has.
    await registerMunicipality(db, '長岡市');
    await importWardYear(db, otherWardFile('長岡市', '北区'));
    await importWardYear(db, otherWardFile('長岡市', '西区'));
    const list = (query: string) => t.request(`/api/v1/sheets?fiscalYear=2022&${query}`);
    const short = await list(`ward=${encodeURIComponent('北区')}`);
    expect(short.status).toBe(200);
    expect(wardYearSheetsSchema.parse(await short.json()).ward.municipality).toBe('新潟市');
    const named = await list(
      `ward=${encodeURIComponent('北区')}&municipality=${encodeURIComponent('長岡市')}`,
    );
    expect(named.status).toBe(200);
    const nagaoka = wardYearSheetsSchema.parse(await named.json());
    expect(nagaoka.ward.municipality).toBe('長岡市');
    expect(nagaoka.sheets).toHaveLength(1);
    // A 部区 only another municipality has needs its municipality named, and the answer says which.
    const other = await list(`ward=${encodeURIComponent('西区')}`);
    expect(other.status).toBe(400);
    const body = JSON.stringify(await other.json());
    expect(body).toContain('西区」は長岡市の部区です');
    expect(body).toContain('"path":"municipality"');
    const missing = await list(
      `ward=${encodeURIComponent('西区')}&municipality=${encodeURIComponent('新潟市')}`,
    );
    expect(missing.status).toBe(404);
  });
});
