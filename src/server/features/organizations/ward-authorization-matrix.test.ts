import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipalities, organizationLineage, organizations, sheets } from '../../../db/schema';
import {
  canImport,
  canOnWard,
  mayImportSomewhere,
  type WardPermission,
  wardPermissions,
} from '../../../domain/ward-policy';
import { sampleFile, sheetFileTitled } from '../../testing/finders';
import { importThroughApi } from '../../testing/import-through-api';
import {
  addOtherPlaces,
  expectedStatus,
  MatrixTally,
  otherWardFile,
  type Person,
  signInEveryone,
} from '../../testing/policy-matrix';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { findWard, type WardRef } from './find-ward';

/**
 * Every 部区 permission × every kind of user × 部区 of their own, of another 企画担当 and of
 * another municipality (and, for importing a 部区 not registered yet, a new 部区 of 新潟市 and
 * of a municipality not registered, which no import registers), with the expected answer computed from the policy table
 * (src/domain/ward-policy.ts) and asked over HTTP. Allowed calls write nothing lasting: the
 * files import unchanged, the rollover finds next year's sheets made, deadlines and dates are
 * set to what they are, and a reorganization is taken back.
 */

let t: TestApp;
let people: Person[] = [];
interface Place {
  ward: WardRef;
  /** A file of what the 部区 holds (importing it changes nothing). */
  file: unknown;
  /** A 課 with no sheet and no indicator, to rename. */
  unitId: string;
}
const places: Place[] = [];
/** How many sheets (both years) each 部区 holds before the matrix. */
const sheetCounts = new Map<string, number>();

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  await addOtherPlaces(t);
  const kitaFile = sampleFile();
  kitaFile.sheets = [sheetFileTitled(kitaFile, '北出張所')];
  const files = [
    ['新潟市', '北区', kitaFile],
    ['新潟市', '南区', otherWardFile('新潟市', '南区')],
    ['長岡市', '中央区', otherWardFile('長岡市', '中央区')],
  ] as const;
  for (const [municipality, name, file] of files) {
    const ward = await findWard(db, { municipality, ward: name });
    const [unit] = await db
      .insert(organizations)
      .values({
        municipalityId: ward.municipalityId,
        wardId: ward.id,
        parentId: ward.id,
        kind: 'unit',
        name: '改編試験課',
      })
      .returning({ id: organizations.id });
    if (!unit) throw new Error('no unit');
    places.push({ ward, file, unitId: unit.id });
  }
  people = await signInEveryone(t);
  // Next year's sheets exist, so a rollover the table allows finds nothing left to make.
  for (const [index, planner] of ['kita-kikaku', 'minami-kikaku', 'nagaoka-kikaku'].entries()) {
    const place = places[index];
    const client = people.find((p) => p.name === planner)?.client;
    if (!place || !client) throw new Error(planner);
    const where = { ward: place.ward.name, municipality: place.ward.municipalityName };
    const res = await client.send('POST', '/api/v1/rollover', { ...where, fromYear: 2022 });
    expect(res.status, await res.text()).toBe(201);
    const held = await t.database.db
      .select({ id: sheets.id })
      .from(sheets)
      .where(eq(sheets.wardId, place.ward.id));
    sheetCounts.set(place.ward.id, held.length);
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** Ask for the permission on the place over HTTP; returns the answer and undoes what it wrote. */
async function probe(client: TestClient, permission: Exclude<WardPermission, 'importNewWard'>, place: Place) {
  const where = { ward: place.ward.name, municipality: place.ward.municipalityName };
  switch (permission) {
    case 'import':
      return importThroughApi(client, place.file);
    case 'checkConsistency':
      return client.get(`/api/v1/consistency?${new URLSearchParams({ ...where, fiscalYear: '2022' })}`);
    case 'viewProgress':
      return client.get(`/api/v1/progress?${new URLSearchParams({ ...where, fiscalYear: '2022' })}`);
    case 'rollover':
      return client.send('POST', '/api/v1/rollover', { ...where, fromYear: 2022 });
    case 'setDeadlines':
      return client.send('PUT', '/api/v1/deadlines', {
        ...where,
        fiscalYear: 2022,
        deadlines: { plan: null, revision: null, evaluation: null },
      });
    case 'setSheetDates':
      return client.send('PUT', '/api/v1/ward-year-dates', {
        ...where,
        fiscalYear: 2022,
        dates: { createdOn: null, revisedOn: null, evaluatedOn: null },
      });
    case 'reorganize': {
      const res = await client.send('POST', '/api/v1/reorganizations', {
        kind: 'rename',
        predecessorIds: [place.unitId],
        successorNames: ['改編試験課（新）'],
        fromFiscalYear: 2023,
      });
      if (res.status === 201) {
        const { successorIds } = (await res.clone().json()) as { successorIds: string[] };
        const { db } = t.database;
        await db.delete(organizationLineage).where(eq(organizationLineage.predecessorId, place.unitId));
        await db.delete(organizations).where(inArray(organizations.id, successorIds));
      }
      return res;
    }
  }
}

const success: Record<WardPermission, number> = {
  import: 200,
  importNewWard: 200,
  checkConsistency: 200,
  viewProgress: 200,
  rollover: 201,
  setDeadlines: 200,
  setSheetDates: 200,
  reorganize: 201,
};

describe('authorization matrix of the 部区 endpoints', () => {
  it('answers every permission × user × 部区 exactly as the policy table says', async () => {
    const tally = new MatrixTally();
    for (const permission of wardPermissions) {
      if (permission === 'importNewWard') continue;
      for (const place of places) {
        for (const { name, client, actor } of people) {
          const scope = { municipalityId: place.ward.municipalityId, wardId: place.ward.id };
          const allowed =
            permission === 'import' ? canImport(actor, scope) : canOnWard(actor, permission, scope);
          const res = await probe(client, permission, place);
          await tally.check(
            `${name} ${permission} @${place.ward.name}`,
            res,
            expectedStatus(allowed, actor, success[permission]),
          );
        }
      }
    }
    console.log(
      `ward matrix: ${tally.cases} cases, ${tally.allowed} allowed, ${tally.unexpected.length} unexpected`,
    );
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe((wardPermissions.length - 1) * places.length * people.length);
    // The imports, allowed or not, changed no sheet of the 部区s.
    const { db } = t.database;
    for (const { ward } of places) {
      const held = await db.select({ id: sheets.id }).from(sheets).where(eq(sheets.wardId, ward.id));
      expect(held.length, ward.name).toBe(sheetCounts.get(ward.id));
    }
  }, 300_000);

  it('tells a user refused on another municipality’s 部区 that it is another municipality’s', async () => {
    const admin = people.find((p) => p.name === 'admin');
    const res = await admin?.client.get(
      `/api/v1/consistency?fiscalYear=2022&ward=${encodeURIComponent('中央区')}&municipality=${encodeURIComponent('長岡市')}`,
    );
    expect(res?.status).toBe(403);
    expect(JSON.stringify(await res?.json())).toContain('中央区は長岡市の部区です');
  });

  it('lets only 管理者 import a 部区 not registered yet of their municipality, and nobody register a municipality by importing', async () => {
    const tally = new MatrixTally();
    const niigata = places[0]?.ward.municipalityId ?? '';
    for (const { name, client, actor } of people) {
      // The preview runs the very import and rolls it back: nothing is registered.
      const res = await client.send('POST', '/api/v1/import/preview', otherWardFile('新潟市', '東区'));
      const target = { municipalityId: niigata, wardId: null };
      const expected = expectedStatus(canImport(actor, target), actor, success.importNewWard);
      await tally.check(`${name} importNewWard 新潟市東区`, res, expected);
    }
    for (const { name, client, actor } of people) {
      // A municipality that is not registered: a 400 naming it for whoever may import at all.
      const res = await client.send('POST', '/api/v1/import/preview', otherWardFile('架空市', '西区'));
      const expected = actor === null ? 401 : mayImportSomewhere(actor.grants) ? 400 : 403;
      await tally.check(`${name} import into 架空市`, res, expected);
      if (res.status === 400) {
        const body = JSON.stringify(await res.json());
        expect(body).toContain('自治体「架空市」は登録されていません');
        expect(body).toContain('"path":"municipality"');
      }
    }
    console.log(`ward matrix (new 部区): ${tally.cases} cases, ${tally.allowed} allowed`);
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe(2 * people.length);
    const { db } = t.database;
    const created = await db
      .select()
      .from(organizations)
      .where(inArray(organizations.name, ['東区', '西区']));
    expect(created).toEqual([]);
    const fictional = await db.select().from(municipalities).where(eq(municipalities.name, '架空市'));
    expect(fictional).toEqual([]);
  }, 120_000);
});
