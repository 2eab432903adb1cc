import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifySheetChanged } from '../../../db/notify';
import { indicatorValues, roleGrants, sheets, targetRevisions, users } from '../../../db/schema';
import sample from '../../../db/seed/niigata-kita-2022.json';
import type { Actor } from '../../../domain/roles';
import {
  can,
  type SheetPermission,
  type SheetPolicySubject,
  sheetPermissions,
} from '../../../domain/sheet-policy';
import { type SheetStatus, sheetStatuses } from '../../../domain/sheet-status';
import { canImport } from '../../../domain/ward-policy';
import { toSheetDocument } from '../../../schemas/sheet-edit';
import { importThroughApi } from '../../testing/import-through-api';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { importWardYear } from '../interchange/import-ward-year';
import { createUser } from '../users/create-user';
import { loadSheetDetail } from './history';

/**
 * Every sheet endpoint × every kind of user × every state of the sheet, with the expected
 * answer computed from the policy table (src/domain/sheet-policy.ts), then asked over HTTP.
 * An allowed call that the table denies is an unexpected allow; there must be none — and no
 * unexpected denies either, so the table is what the server does.
 */

let t: TestApp;
const clients = new Map<string, TestClient | null>();
const actors = new Map<string, Actor | null>();
let sheetId = '';
let indicatorId = '';
let staffId = '';
let headId = '';
let municipalityId = '';

const people = [
  'public',
  'admin',
  'viewer',
  'kita-kikaku',
  'minami-kikaku',
  'somu-head',
  'somu-staff',
  'fukushi-head',
  'fukushi-staff',
] as const;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  const other = structuredClone(sample);
  other.ward = '南区';
  other.sheets = other.sheets.slice(0, 1);
  await importWardYear(db, other);
  await createUser(db, {
    municipality: '新潟市',
    loginId: 'minami-kikaku',
    displayName: '南区 企画担当',
    password: 'mokuhyo-demo',
    grants: [{ role: 'planner', ward: '南区' }],
  });
  for (const person of people) {
    clients.set(person, person === 'public' ? t.public : await t.as(person));
    if (person === 'public') {
      actors.set(person, null);
      continue;
    }
    const [user] = await db.select().from(users).where(eq(users.loginId, person));
    if (!user) throw new Error(person);
    const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, user.id));
    actors.set(person, {
      userId: user.id,
      municipalityId: user.municipalityId,
      grants: grants.map((g) => ({ role: g.role, organizationId: g.organizationId })),
    });
    municipalityId = user.municipalityId;
    if (person === 'somu-staff') staffId = user.id;
    if (person === 'somu-head') headId = user.id;
  }
  const list = await (await t.as('admin')).get(
    `/api/v1/sheets?fiscalYear=2022&ward=${encodeURIComponent('北区')}`,
  );
  sheetId = (await list.json()).sheets[0].id;
  const detail = await loadSheetDetail(db, sheetId);
  indicatorId = detail.goals[2]?.indicators[0]?.indicatorId ?? '';
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** Put the sheet in `status`, submitted by `submitter`, with one revision proposed by the staff. */
async function setState(status: SheetStatus, submitter: string) {
  const { db } = t.database;
  await db.delete(targetRevisions).where(eq(targetRevisions.indicatorId, indicatorId));
  await db
    .update(indicatorValues)
    .set({ text: '22', value: 22 })
    .where(
      and(
        eq(indicatorValues.indicatorId, indicatorId),
        eq(indicatorValues.fiscalYear, 2022),
        eq(indicatorValues.kind, 'target'),
      ),
    );
  await db
    .update(sheets)
    .set({
      status,
      submittedBy: submitter,
      createdOn: '2022-04-01',
      revisedOn: '2022-10-01',
      evaluatedOn: '2023-03-31',
    })
    .where(eq(sheets.id, sheetId));
  const [revision] = await db
    .insert(targetRevisions)
    .values({
      indicatorId,
      fiscalYear: 2022,
      fromText: '22',
      fromValue: 22,
      toText: '20',
      toValue: 20,
      revisedOn: '2022-09-30',
      reason: '試験',
      status: 'proposed',
      proposedBy: staffId,
    })
    .returning({ id: targetRevisions.id });
  // Written behind the services' back: announce it as they do, so caches drop the old state.
  await db.transaction((tx) => notifySheetChanged(tx, [sheetId]));
  const [row] = await db.select({ version: sheets.version }).from(sheets).where(eq(sheets.id, sheetId));
  return { version: row?.version ?? 0, revisionId: revision?.id ?? '' };
}

async function probe(client: TestClient, permission: SheetPermission, version: number, revisionId: string) {
  const base = `/api/v1/sheets/${sheetId}`;
  switch (permission) {
    case 'read':
      return client.get(base);
    case 'readHistory':
      return client.get(`${base}/history`);
    case 'edit': {
      const document = toSheetDocument(await loadSheetDetail(t.database.db, sheetId));
      return client.send('PUT', base, { version, document });
    }
    case 'proposeRevision':
      return client.send('POST', `${base}/revisions`, {
        version,
        indicatorId,
        to: { text: '21' },
        reason: '理由',
      });
    case 'decideRevision':
      return client.send('POST', `${base}/revisions/${revisionId}/decision`, {
        version,
        decision: 'approve',
      });
    case 'setDates':
      return client.send('PUT', `${base}/dates`, { version, dates: { createdOn: '2022-04-02' } });
    default:
      return client.send('POST', `${base}/transitions`, {
        transition: permission,
        version,
        comment: '理由です',
      });
  }
}

describe('authorization matrix of the sheet endpoints', () => {
  it('answers every endpoint × user × state exactly as the policy table says', async () => {
    const unexpected: string[] = [];
    let cases = 0;
    let allowed = 0;
    const detail = await loadSheetDetail(t.database.db, sheetId);
    const place = { municipalityId, wardId: detail.ward.id, organizationId: detail.organizationId };
    for (const status of sheetStatuses) {
      for (const submitter of ['staff', 'head'] as const) {
        for (const person of people) {
          const client = clients.get(person);
          const actor = actors.get(person) ?? null;
          if (!client) throw new Error(person);
          for (const permission of sheetPermissions) {
            const { version, revisionId } = await setState(status, submitter === 'staff' ? staffId : headId);
            const subject: SheetPolicySubject = {
              ...place,
              status,
              submittedBy: submitter === 'staff' ? staffId : headId,
            };
            // The head may not decide a revision he proposed; here the staff proposed it.
            const expected = can(actor, permission, subject);
            const res = await probe(client, permission, version, revisionId);
            const ok = res.status >= 200 && res.status < 300;
            cases++;
            if (ok) allowed++;
            if (ok !== expected) {
              unexpected.push(
                `${ok ? 'ALLOW' : 'DENY'} ${person} ${permission} @${status}/${submitter}: ${res.status} ${await res.text()}`,
              );
            }
            if (!ok) expect(res.status, `${person} ${permission} @${status}`).toBeGreaterThanOrEqual(400);
            if (!ok) expect(res.status).toBeLessThan(500);
          }
        }
      }
    }
    console.log(`authorization matrix: ${cases} cases, ${allowed} allowed, ${unexpected.length} unexpected`);
    expect(unexpected).toEqual([]);
    expect(cases).toBe(sheetStatuses.length * 2 * people.length * sheetPermissions.length);
  }, 300_000);

  it("imports only for 管理者 and the 部区's 企画担当", async () => {
    const unexpected: string[] = [];
    const file = structuredClone(sample);
    file.sheets = file.sheets.slice(7);
    const ward = (await loadSheetDetail(t.database.db, sheetId)).ward.id;
    for (const person of people) {
      const client = clients.get(person);
      if (!client) throw new Error(person);
      const expected = canImport(actors.get(person) ?? null, { municipalityId, wardId: ward });
      const res = await importThroughApi(client, file);
      const ok = res.status === 200;
      if (ok !== expected) unexpected.push(`${person}: ${res.status}`);
    }
    expect(unexpected).toEqual([]);
    const { db } = t.database;
    const found = await db
      .select({ id: sheets.id })
      .from(sheets)
      .where(inArray(sheets.id, [sheetId]));
    expect(found).toHaveLength(1);
  }, 120_000);
});
