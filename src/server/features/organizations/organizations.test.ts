import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationSchema } from '../../../schemas/sheet';
import { createTestApp, type TestApp } from '../../testing/test-app';

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
