import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFailures } from '../../../db/schema';
import { defaultEvaluationRule } from '../../../domain/evaluation-rule';
import {
  canOnMunicipality,
  type MunicipalityPermission,
  municipalityPermissions,
} from '../../../domain/municipality-policy';
import { defaultNominalDates } from '../../../domain/sheet-dates';
import {
  addOtherPlaces,
  expectedStatus,
  type MatrixPerson,
  MatrixTally,
  type Person,
  signInEveryone,
} from '../../testing/policy-matrix';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/**
 * Every municipality permission × every kind of user (of 新潟市, of 長岡市, the public), with
 * the expected answer computed from the policy table (src/domain/municipality-policy.ts) and
 * asked over HTTP. A setting belongs to the user's own municipality; the one request that names
 * something of a municipality, clearing a login id's throttle, is asked for a login id of each:
 * another municipality's is not there to clear (404). Allowed calls write nothing lasting: the
 * settings are set to what they are, and the failures cleared are put back before each case.
 */

let t: TestApp;
let people: Person[] = [];
/** A login id of each municipality whose failures a 管理者 might clear. */
const throttled: MatrixPerson[] = ['somu-staff', 'nagaoka-kikaku'];

beforeAll(async () => {
  t = await createTestApp();
  await addOtherPlaces(t);
  people = await signInEveryone(t);
}, 120_000);

afterAll(async () => {
  await t.close();
});

async function probe(client: TestClient, permission: MunicipalityPermission, loginId: string) {
  switch (permission) {
    case 'readEvaluationRule':
      return client.get('/api/v1/evaluation-rule');
    case 'setEvaluationRule':
      return client.send('PUT', '/api/v1/evaluation-rule', defaultEvaluationRule);
    case 'readNominalDates':
      return client.get('/api/v1/nominal-dates');
    case 'setNominalDates':
      return client.send('PUT', '/api/v1/nominal-dates', defaultNominalDates);
    case 'readLicence':
      return client.get('/api/v1/licence');
    case 'setLicence':
      // Back to the default, which it is: nothing lasting.
      return client.send('DELETE', '/api/v1/licence');
    case 'readSignInThrottles':
      return client.get('/api/v1/sign-in-throttles');
    case 'viewAllProgress':
      return client.get('/api/v1/progress?fiscalYear=2022');
    case 'readUsers':
      return client.get('/api/v1/users');
    case 'manageUsers':
      // Filled in with the user administration's routes.
      return client.get('/api/v1/users');
    case 'readSignOn':
      return client.get('/api/v1/sign-on');
    case 'setSignOn':
      // Removes the municipality's own settings, which it has none of: nothing lasting.
      return client.send('DELETE', '/api/v1/sign-on');
    case 'clearSignInThrottles': {
      const { db } = t.database;
      await db.delete(signInFailures);
      await db.insert(signInFailures).values({ loginId, address: '192.0.2.1' });
      return client.send('POST', '/api/v1/sign-in-throttles/clear', { loginId });
    }
  }
}

describe('authorization matrix of the municipality endpoints', () => {
  it('answers every permission × user exactly as the policy table says', async () => {
    const tally = new MatrixTally();
    const municipalityOf = new Map(people.map((p) => [p.name, p.actor?.municipalityId ?? null]));
    for (const permission of municipalityPermissions) {
      const targets = permission === 'clearSignInThrottles' ? throttled : [null];
      for (const target of targets) {
        for (const { name, client, actor } of people) {
          const allowed = actor !== null && canOnMunicipality(actor, permission, actor.municipalityId);
          const res = await probe(client, permission, target ?? '');
          const ownLogin = target === null || municipalityOf.get(target) === actor?.municipalityId;
          // Allowed, a login id of another municipality is not there to clear.
          const expected = allowed && !ownLogin ? 404 : expectedStatus(allowed, actor, 200);
          await tally.check(`${name} ${permission}${target ? ` ${target}` : ''}`, res, expected);
        }
      }
    }
    await t.database.db.delete(signInFailures);
    console.log(
      `municipality matrix: ${tally.cases} cases, ${tally.allowed} allowed, ${tally.unexpected.length} unexpected`,
    );
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe((municipalityPermissions.length + throttled.length - 1) * people.length);
  }, 120_000);
});
