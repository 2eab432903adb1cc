import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goals, placements, resultCorrections, sheets } from '../../../db/schema';
import { type CorrectionSubject, canCorrect } from '../../../domain/result-correction';
import {
  addOtherPlaces,
  expectedStatus,
  type MatrixPerson,
  MatrixTally,
  type Person,
  signInEveryone,
} from '../../testing/policy-matrix';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { findWard } from '../organizations/find-ward';
import { loadIndicatorScope } from './correction-subject';

/**
 * Every correction permission × every kind of user × a result of an organization of 北区, of
 * 南区 and of 長岡市 (and, for deciding, a proposal by the organization's 担当者 and by its
 * 所属長), with the expected answer computed from the policy table (correctionPolicy in
 * src/domain/result-correction.ts, its own-proposal condition included) and asked over HTTP.
 * Each case starts with no proposal waiting; a decision returns the proposal (the result stays).
 */

let t: TestApp;
let people: Person[] = [];
interface Place {
  label: string;
  sheetId: string;
  indicatorId: string;
  scope: CorrectionSubject;
}
const places: Place[] = [];
/** 令和3年度 has no sheet: its result is closed and changes only by a correction. */
const closedYear = 2021;

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  await addOtherPlaces(t);
  for (const [municipality, ward] of [
    ['新潟市', '北区'],
    ['新潟市', '南区'],
    ['長岡市', '中央区'],
  ] as const) {
    const { id: wardId } = await findWard(db, { municipality, ward });
    const [placed] = await db
      .select({ sheetId: sheets.id, indicatorId: placements.indicatorId })
      .from(sheets)
      .innerJoin(goals, eq(goals.sheetId, sheets.id))
      .innerJoin(placements, eq(placements.goalId, goals.id))
      .where(and(eq(sheets.wardId, wardId), eq(sheets.fiscalYear, 2022)))
      .orderBy(sheets.position, goals.no, placements.position)
      .limit(1);
    if (!placed) throw new Error(`no indicator in ${ward}`);
    const { scope } = await loadIndicatorScope(db, placed.indicatorId);
    places.push({ label: `${municipality}${ward}`, ...placed, scope });
  }
  people = await signInEveryone(t);
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** No proposal waits for the place's result (a proposal is returned, never erased). */
async function clearProposals(place: Place) {
  await t.database.db
    .update(resultCorrections)
    .set({ status: 'returned', decisionComment: '試験の後始末' })
    .where(
      and(eq(resultCorrections.indicatorId, place.indicatorId), eq(resultCorrections.status, 'proposed')),
    );
}

describe('authorization matrix of the correction endpoints', () => {
  it('answers every permission × user × organization (× proposer) exactly as the policy table says', async () => {
    const { db } = t.database;
    const tally = new MatrixTally();
    const userId = new Map(people.map((p) => [p.name, p.actor?.userId ?? null]));
    const proposers: MatrixPerson[] = ['somu-staff', 'somu-head'];
    for (const place of places) {
      for (const { name, client, actor } of people) {
        await clearProposals(place);
        const res = await client.send('POST', `/api/v1/sheets/${place.sheetId}/corrections`, {
          indicatorId: place.indicatorId,
          fiscalYear: closedYear,
          to: { text: '訂正の試験' },
          reason: '権限の試験',
        });
        const expected = expectedStatus(canCorrect(actor, 'proposeCorrection', place.scope), actor, 201);
        await tally.check(`${name} proposeCorrection @${place.label}`, res, expected);
      }
      for (const proposer of proposers) {
        const proposedBy = userId.get(proposer) ?? null;
        for (const { name, client, actor } of people) {
          await clearProposals(place);
          const [proposal] = await db
            .insert(resultCorrections)
            .values({
              indicatorId: place.indicatorId,
              fiscalYear: closedYear,
              proposedOnSheetId: place.sheetId,
              toText: '訂正の試験',
              reason: '権限の試験',
              proposedBy,
            })
            .returning({ id: resultCorrections.id });
          const res = await client.send('POST', `/api/v1/corrections/${proposal?.id}/decision`, {
            decision: 'return',
            comment: '試験の差戻し',
          });
          const allowed = canCorrect(actor, 'decideCorrection', { ...place.scope, proposedBy });
          await tally.check(
            `${name} decideCorrection @${place.label} proposed by ${proposer}`,
            res,
            expectedStatus(allowed, actor, 200),
          );
        }
      }
    }
    for (const place of places) await clearProposals(place);
    console.log(
      `correction matrix: ${tally.cases} cases, ${tally.allowed} allowed, ${tally.unexpected.length} unexpected`,
    );
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe(places.length * people.length * (1 + proposers.length));
    // The results themselves never changed: every decision was a return.
    const approved = await db
      .select()
      .from(resultCorrections)
      .where(
        and(
          inArray(
            resultCorrections.indicatorId,
            places.map((p) => p.indicatorId),
          ),
          eq(resultCorrections.status, 'approved'),
        ),
      );
    expect(approved).toEqual([]);
  }, 120_000);
});
