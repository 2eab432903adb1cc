import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInFailures, users } from '../../../db/schema';
import { defaultEvaluationRule } from '../../../domain/evaluation-rule';
import {
  canOnMunicipality,
  type MunicipalityPermission,
  municipalityPermissions,
} from '../../../domain/municipality-policy';
import { defaultNominalDates } from '../../../domain/sheet-dates';
import { databaseFingerprint } from '../../testing/db-fingerprint';
import {
  addOtherPlaces,
  expectedStatus,
  type MatrixPerson,
  MatrixTally,
  type Person,
  signInEveryone,
} from '../../testing/policy-matrix';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { userDetail } from '../users/list-users';

/**
 * Every municipality permission × every kind of user (of 新潟市, of 長岡市, a システム管理者, the public), with
 * the expected answer computed from the policy table (src/domain/municipality-policy.ts) and
 * asked over HTTP. A setting belongs to the user's own municipality; the one request that names
 * something of a municipality, clearing a login id's throttle, is asked for a login id of each:
 * another municipality's is not there to clear (404). The accounts' permissions are asked of a
 * user of each municipality (read one; change their names and roles to what they are), and
 * allowed only in the target's municipality. Allowed calls write nothing lasting: the settings
 * are set to what they are, an account is changed to what it is, and the failures cleared are
 * put back before each case.
 */

let t: TestApp;
let people: Person[] = [];
/** A login id of each municipality: whose failures a 管理者 might clear, whose account they read and change. */
const throttled: MatrixPerson[] = ['somu-staff', 'nagaoka-kikaku'];
/** The permissions asked once for a user of each municipality. */
const targeted: readonly MunicipalityPermission[] = ['clearSignInThrottles', 'readUsers', 'manageUsers'];

beforeAll(async () => {
  t = await createTestApp();
  await addOtherPlaces(t);
  people = await signInEveryone(t);
}, 120_000);

afterAll(async () => {
  await t.close();
});

const accountTables = (fingerprint: Record<string, string>) => ({
  users: fingerprint.users,
  roleGrants: fingerprint.role_grants,
  userChanges: fingerprint.user_changes,
});

/** Reads any municipality's users, for building the probes (a システム管理者 as policies see one). */
const anyMunicipality = { userId: '', municipalityId: '', grants: [], systemAdmin: true };

async function userIdOf(loginId: string): Promise<string> {
  const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId));
  if (!user) throw new Error(`no user ${loginId}`);
  return user.id;
}

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
      return client.get(`/api/v1/users/${await userIdOf(loginId)}`);
    case 'manageUsers': {
      // The user's names and roles as they are, after their newest record entry: writes nothing.
      const id = await userIdOf(loginId);
      const { user, lastChangeId } = await userDetail(t.database.db, anyMunicipality, id);
      return client.send('PUT', `/api/v1/users/${id}`, {
        displayName: user.displayName,
        email: user.email,
        grants: user.roles.map(({ role, ward, organization }) => ({
          role,
          ...(ward === null ? {} : { ward }),
          ...(organization === null ? {} : { organization }),
        })),
        lastChangeId,
      });
    }
    case 'readSignOn':
      return client.get('/api/v1/sign-on');
    case 'setSignOn':
      // Removes the municipality's own settings, which it has none of: nothing lasting.
      return client.send('DELETE', '/api/v1/sign-on');
    case 'readMailSender':
      return client.get('/api/v1/mail-sender');
    case 'setMailSender':
      // Back to the installation's sender, which it is: nothing lasting.
      return client.send('DELETE', '/api/v1/mail-sender');
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
    const before = accountTables(await databaseFingerprint(t.database.db));
    const municipalityOf = new Map(people.map((p) => [p.name, p.actor?.municipalityId ?? null]));
    for (const permission of municipalityPermissions) {
      const targets = targeted.includes(permission) ? throttled : [null];
      for (const target of targets) {
        for (const { name, client, actor } of people) {
          const res = await probe(client, permission, target ?? '');
          const ownLogin = target === null || municipalityOf.get(target) === actor?.municipalityId;
          let expected: number;
          if (permission === 'readUsers' || permission === 'manageUsers') {
            // An account is its municipality's: asked of the target's, not the actor's.
            const where = (target && municipalityOf.get(target)) ?? '';
            expected = expectedStatus(
              actor !== null && canOnMunicipality(actor, permission, where),
              actor,
              200,
            );
          } else {
            const allowed = actor !== null && canOnMunicipality(actor, permission, actor.municipalityId);
            // Allowed, a login id of another municipality is not there to clear.
            expected = allowed && !ownLogin ? 404 : expectedStatus(allowed, actor, 200);
          }
          await tally.check(`${name} ${permission}${target ? ` ${target}` : ''}`, res, expected);
        }
      }
    }
    await t.database.db.delete(signInFailures);
    console.log(
      `municipality matrix: ${tally.cases} cases, ${tally.allowed} allowed, ${tally.unexpected.length} unexpected`,
    );
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe(
      (municipalityPermissions.length + targeted.length * (throttled.length - 1)) * people.length,
    );
    // The accounts' probes wrote nothing: no account, grant or record entry changed.
    expect(accountTables(await databaseFingerprint(t.database.db))).toEqual(before);
  }, 120_000);
});
