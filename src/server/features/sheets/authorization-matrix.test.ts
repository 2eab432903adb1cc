import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifySheetChanged } from '../../../db/notify';
import { goals, indicatorValues, placements, sheets, targetRevisions } from '../../../db/schema';
import type { SheetDocument } from '../../../domain/sheet-document';
import {
  can,
  type SheetPermission,
  type SheetPolicySubject,
  sheetPermissions,
} from '../../../domain/sheet-policy';
import { type SheetStatus, sheetStatuses } from '../../../domain/sheet-status';
import { toSheetDocument } from '../../../schemas/sheet-edit';
import { goalNumbered, indicatorNamed, sheetIdTitled } from '../../testing/finders';
import { addOtherPlaces, type Person, signInEveryone } from '../../testing/policy-matrix';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { loadSheetDetail } from './get-sheet';

/**
 * Every sheet endpoint × every kind of user × every state of the sheet, with the expected
 * answer computed from the policy table (src/domain/sheet-policy.ts), then asked over HTTP.
 * An allowed call that the table denies is an unexpected allow; there must be none — and no
 * unexpected denies either, so the table is what the server does.
 */

let t: TestApp;
let people: Person[] = [];
let sheetId = '';
let indicatorId = '';
let staffId = '';
let headId = '';
let municipalityId = '';

beforeAll(async () => {
  t = await createTestApp();
  await addOtherPlaces(t);
  people = await signInEveryone(t);
  const userOf = (name: string) => people.find((p) => p.name === name)?.actor;
  staffId = userOf('somu-staff')?.userId ?? '';
  headId = userOf('somu-head')?.userId ?? '';
  municipalityId = userOf('admin')?.municipalityId ?? '';
  sheetId = await sheetIdTitled(await t.as('admin'), '地域総務課');
  const detail = await loadSheetDetail(t.database.db, sheetId);
  indicatorId = indicatorNamed(goalNumbered(detail, 3), '協働した団体数').indicatorId;
  // The city's published judgements carry no reasons; a submission through the app needs one
  // wherever the judgement differs from the rule (定時退庁推進日実施率: 96.4 %, 未達成).
  const ofSheet = t.database.db.select({ id: goals.id }).from(goals).where(eq(goals.sheetId, sheetId));
  await t.database.db
    .update(placements)
    .set({ evaluationReason: '定時退庁の徹底が不十分だったため' })
    .where(inArray(placements.goalId, ofSheet));
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
      // A new version, by which the app's answer shows when its cache has let the old state go.
      version: sql`${sheets.version} + 1`,
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
  const version = row?.version ?? 0;
  // The announcement reaches the app over its own connection (PostgreSQL): wait for it, or the
  // first request could be answered from the state before.
  const admin = people.find((p) => p.name === 'admin')?.client;
  for (let tries = 0; admin && tries < 500; tries++) {
    const seen = (await (await admin.get(`/api/v1/sheets/${sheetId}`)).json()) as { version?: number };
    if (seen.version === version) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { version, revisionId: revision?.id ?? '' };
}

interface State {
  version: number;
  revisionId: string;
  /** The sheet's content as the editor has it (a save of it changes nothing but the version). */
  document: SheetDocument;
}

async function versionOf(id: string): Promise<number> {
  const [row] = await t.database.db.select({ version: sheets.version }).from(sheets).where(eq(sheets.id, id));
  return row?.version ?? 0;
}

const reads: readonly SheetPermission[] = ['read', 'readHistory'];

async function probe(
  client: TestClient,
  permission: SheetPermission,
  { version, revisionId, document }: State,
) {
  const base = `/api/v1/sheets/${sheetId}`;
  switch (permission) {
    case 'read':
      return client.get(base);
    case 'readHistory':
      return client.get(`${base}/history`);
    case 'edit':
      return client.send('PUT', base, { version, document });
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
    case 'comment':
      return client.send('POST', `${base}/comments`, { subject: 'sheet', body: '確認をお願いします。' });
    case 'remind':
      return client.send('POST', `${base}/reminders`, { message: '期限までにお願いします。' });
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
    let resets = 0;
    const detail = await loadSheetDetail(t.database.db, sheetId);
    const place = { municipalityId, wardId: detail.ward.id, organizationId: detail.organizationId };
    for (const status of sheetStatuses) {
      for (const submitter of ['staff', 'head'] as const) {
        const submittedBy = submitter === 'staff' ? staffId : headId;
        const reset = async (): Promise<State> => {
          resets++;
          const { version, revisionId } = await setState(status, submittedBy);
          return {
            version,
            revisionId,
            document: toSheetDocument(await loadSheetDetail(t.database.db, sheetId)),
          };
        };
        let state = await reset();
        let changed = false;
        for (const { name: person, client, actor } of people) {
          for (const permission of sheetPermissions) {
            // A refused request writes nothing (and every writer bumps the version): the state
            // is set again only after a write.
            if (changed) state = await reset();
            const subject: SheetPolicySubject = { ...place, status, submittedBy };
            // The head may not decide a revision he proposed; here the staff proposed it.
            const expected = can(actor, permission, subject);
            const res = await probe(client, permission, state);
            const ok = res.status >= 200 && res.status < 300;
            changed = (ok && !reads.includes(permission)) || (await versionOf(sheetId)) !== state.version;
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
    console.log(
      `authorization matrix: ${cases} cases, ${allowed} allowed, ${unexpected.length} unexpected, ${resets} resets`,
    );
    expect(unexpected).toEqual([]);
    expect(cases).toBe(sheetStatuses.length * 2 * people.length * sheetPermissions.length);
  }, 300_000);
});
