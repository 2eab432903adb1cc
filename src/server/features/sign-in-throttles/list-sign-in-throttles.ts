import { and, count, countDistinct, desc, eq, gt, gte, max, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { signInFailures, signInThrottleClearings, users } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import {
  addressDelayMs,
  loginAddressRetryAt,
  loginDelayMs,
  type SignInThrottleParams,
  slowdownEndsAt,
} from '../../../domain/sign-in-throttle';
import type { SignInThrottles } from '../../../schemas/sign-in-throttles';
import { authorizeMunicipality } from '../organizations/municipality-access';

/** How many rows of each kind the list shows (the most recent first). */
const listLimit = 200;

/** Failures on login ids that are not another municipality's users (unknown ids included). */
export function failuresInScope(db: Db, municipalityId: string) {
  return notInArray(
    signInFailures.loginId,
    db.select({ loginId: users.loginId }).from(users).where(ne(users.municipalityId, municipalityId)),
  );
}

/** The n-th newest of a group's times, as a timestamp (n is a small integer of the parameters). */
const nthNewest = (column: typeof signInFailures.at | ReturnType<typeof sql>, n: number) =>
  sql`(array_agg(${column} order by ${column} desc))[${sql.raw(String(Math.max(1, Math.trunc(n))))}]`.mapWith(
    signInFailures.at,
  );

/**
 * What the 管理者 sees: login ids slowed at an address, login ids and addresses that make
 * every attempt wait, and the latest clearings. Only login ids of the 管理者's municipality
 * (and ids no user has) are listed; an address counts every login id that failed there.
 */
export async function listSignInThrottles(
  db: Db,
  actor: Actor,
  { now, params }: { now: Date; params: SignInThrottleParams },
): Promise<SignInThrottles> {
  authorizeMunicipality(actor, 'readSignInThrottles', actor.municipalityId);
  const since = (windowMs: number) => gt(signInFailures.at, new Date(now.getTime() - windowMs));
  const inScope = failuresInScope(db, actor.municipalityId);
  const knownLogin = sql<boolean>`bool_or(${users.id} is not null)`;

  const pairs = await db
    .select({
      loginId: signInFailures.loginId,
      address: signInFailures.address,
      failures: count(),
      lastFailureAt: max(signInFailures.at),
      knownLogin,
    })
    .from(signInFailures)
    .leftJoin(users, eq(users.loginId, signInFailures.loginId))
    .where(and(since(params.loginAddress.windowMs), inScope))
    .groupBy(signInFailures.loginId, signInFailures.address)
    .having(gt(count(), params.loginAddress.free))
    .orderBy(desc(max(signInFailures.at)))
    .limit(listLimit);

  const logins = await db
    .select({
      loginId: signInFailures.loginId,
      failures: count(),
      addresses: countDistinct(signInFailures.address),
      lastFailureAt: max(signInFailures.at),
      knownLogin,
      nth: nthNewest(signInFailures.at, params.login.free),
    })
    .from(signInFailures)
    .leftJoin(users, eq(users.loginId, signInFailures.loginId))
    .where(and(since(params.login.windowMs), inScope))
    .groupBy(signInFailures.loginId)
    .having(gte(count(), params.login.free))
    .orderBy(desc(max(signInFailures.at)))
    .limit(listLimit);

  const perLogin = db
    .select({
      address: signInFailures.address,
      failures: count().as('failures'),
      last: max(signInFailures.at).as('last'),
    })
    .from(signInFailures)
    .where(since(params.address.windowMs))
    .groupBy(signInFailures.address, signInFailures.loginId)
    .as('per_login');
  const addresses = await db
    .select({
      address: perLogin.address,
      logins: count(),
      failures: sql<number>`sum(${perLogin.failures})::int`,
      lastFailureAt: sql`max(${perLogin.last})`.mapWith(signInFailures.at),
      nth: nthNewest(sql`${perLogin.last}`, params.address.freeLogins),
    })
    .from(perLogin)
    .groupBy(perLogin.address)
    .having(gte(count(), params.address.freeLogins))
    .orderBy(desc(sql`max(${perLogin.last})`))
    .limit(listLimit);

  const clearings = await db
    .select({
      loginId: signInThrottleClearings.loginId,
      address: signInThrottleClearings.address,
      failures: signInThrottleClearings.failures,
      clearedBy: signInThrottleClearings.clearedByName,
      clearedAt: signInThrottleClearings.clearedAt,
    })
    .from(signInThrottleClearings)
    .innerJoin(users, eq(users.id, signInThrottleClearings.clearedBy))
    .where(eq(users.municipalityId, actor.municipalityId))
    .orderBy(desc(signInThrottleClearings.clearedAt))
    .limit(20);

  const iso = (date: Date) => date.toISOString();
  const ends = (nth: Date | null, last: Date, windowMs: number) => iso(slowdownEndsAt(nth ?? last, windowMs));
  return {
    now: iso(now),
    windowMinutes: {
      loginAddress: params.loginAddress.windowMs / 60_000,
      login: params.login.windowMs / 60_000,
      address: params.address.windowMs / 60_000,
    },
    loginAddresses: pairs.flatMap((row) => {
      if (!row.lastFailureAt) return [];
      const retryAt = loginAddressRetryAt(row.failures, row.lastFailureAt, params);
      return [
        {
          loginId: row.loginId,
          address: row.address,
          knownLogin: row.knownLogin === true,
          failures: row.failures,
          lastFailureAt: iso(row.lastFailureAt),
          retryAt: retryAt && retryAt > now ? iso(retryAt) : null,
        },
      ];
    }),
    logins: logins.flatMap((row) =>
      row.lastFailureAt
        ? [
            {
              loginId: row.loginId,
              knownLogin: row.knownLogin === true,
              failures: row.failures,
              addresses: row.addresses,
              lastFailureAt: iso(row.lastFailureAt),
              delaySeconds: loginDelayMs(row.failures, params) / 1000,
              until: ends(row.nth, row.lastFailureAt, params.login.windowMs),
            },
          ]
        : [],
    ),
    addresses: addresses.flatMap((row) =>
      row.lastFailureAt
        ? [
            {
              address: row.address,
              logins: row.logins,
              failures: row.failures,
              lastFailureAt: iso(row.lastFailureAt),
              delaySeconds: addressDelayMs(row.logins, params) / 1000,
              until: ends(row.nth, row.lastFailureAt, params.address.windowMs),
            },
          ]
        : [],
    ),
    clearings: clearings.map((row) => ({ ...row, clearedAt: iso(row.clearedAt) })),
  };
}
