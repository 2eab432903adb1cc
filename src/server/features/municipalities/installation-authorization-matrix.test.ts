import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canOnInstallation, installationPermissions } from '../../../domain/installation-policy';
import {
  addOtherPlaces,
  expectedStatus,
  MatrixTally,
  type Person,
  signInEveryone,
} from '../../testing/policy-matrix';
import { createTestApp, type TestApp } from '../../testing/test-app';

/**
 * The installation's permissions (which municipalities there are) × everyone of the matrix —
 * the public, 新潟市's and 長岡市's staff of every role, the システム管理者 — with the expected
 * answer from the policy table (src/domain/installation-policy.ts), asked over HTTP. An allowed
 * registration registers a municipality of its own name, and its 管理者.
 */

let t: TestApp;
let people: Person[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await addOtherPlaces(t);
  people = await signInEveryone(t);
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('authorization matrix of the installation', () => {
  it('answers every permission × user as the policy table says', async () => {
    const tally = new MatrixTally();
    let registered = 0;
    for (const permission of installationPermissions) {
      for (const { name, client, actor } of people) {
        const allowed = canOnInstallation(actor, permission);
        const res =
          permission === 'listMunicipalities'
            ? await client.get('/api/v1/municipalities')
            : await client.send('POST', '/api/v1/municipalities', {
                name: `試験市${++registered}`,
                admin: {
                  loginId: `shiken-${registered}`,
                  displayName: '試験市 管理者',
                  password: 'matrix-temporary-passphrase',
                },
              });
        await tally.check(
          `${name} ${permission}`,
          res,
          expectedStatus(allowed, actor, permission === 'listMunicipalities' ? 200 : 201),
        );
      }
    }
    console.log(
      `installation matrix: ${tally.cases} cases, ${tally.allowed} allowed, ${tally.unexpected.length} unexpected`,
    );
    expect(tally.unexpected).toEqual([]);
    expect(tally.cases).toBe(installationPermissions.length * people.length);
    // Only the システム管理者 was let through, once per permission.
    expect(tally.allowed).toBe(installationPermissions.length);
  }, 120_000);
});
