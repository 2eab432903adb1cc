import { type SQL, sql } from 'drizzle-orm';
import { type Db, everyWard, sheetChangesChannel, type Tx, wardChangesChannel } from './client';

const list = (ids: readonly string[], cast: string) =>
  sql.join(
    ids.map((id) => sql`${id}::${sql.raw(cast)}`),
    sql`, `,
  );

/**
 * Announce, inside the writing transaction, that these sheets changed — and so their 部/区
 * (whose lists and years show them). PostgreSQL delivers the notifications only if the
 * transaction commits, to every process listening (cache invalidation across app servers).
 * One statement, whatever the number of sheets.
 */
export async function notifySheetChanged(tx: Tx, sheetIds: readonly string[]): Promise<void> {
  if (sheetIds.length === 0) return;
  const ids = list([...new Set(sheetIds)], 'uuid');
  // A 部区's own sheet is shown inside its sections' sheets (the aligned goals): they change too.
  await tx.execute(sql`
    select pg_notify(n.channel, n.payload) from (
      select ${sheetChangesChannel}::text as channel, changed.id as payload from (
        select unnest(array[${ids}])::text as id
        union
        select section.id::text from sheets own
          join sheets section on section.ward_id = own.ward_id and section.fiscal_year = own.fiscal_year
          where own.id in (${ids}) and own.organization_id = own.ward_id
      ) changed
      union all
      select distinct ${wardChangesChannel}::text, ward_id::text from sheets where id in (${ids})
    ) n`);
}

/**
 * Announce that these 部/区 changed (their year's deadlines or dates, with or without sheets),
 * or with `null` that organizations or municipalities changed (every list is read again). In a
 * transaction, delivered on commit; on the database itself, at once.
 */
export async function notifyWardChanged(db: Db | Tx, wardIds: readonly string[] | null): Promise<void> {
  const payloads: SQL = wardIds === null ? sql`${everyWard}::text` : list([...new Set(wardIds)], 'text');
  if (wardIds?.length === 0) return;
  await db.execute(
    sql`select pg_notify(${wardChangesChannel}::text, payload) from unnest(array[${payloads}]) as payload`,
  );
}
