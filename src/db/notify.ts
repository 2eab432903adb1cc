import { type SQL, sql } from 'drizzle-orm';
import { type Db, everyWard, sheetChangesChannel, type Tx, wardChangesChannel } from './client';

const list = (ids: readonly string[], cast: string) =>
  sql.join(
    ids.map((id) => sql`${id}::${sql.raw(cast)}`),
    sql`, `,
  );

/**
 * Announce, inside the writing transaction, that these sheets changed — and so their 部/区
 * (whose lists and years show them) — in one statement. A 部区's own sheet is shown inside its
 * sections' sheets (the aligned goals): they change too. With `showing`, so do the sheets of
 * years after `afterYear` placing these series (their 実績 columns read this year's results; see
 * `sheetsShowing`). PostgreSQL delivers the notifications only if the transaction commits, to
 * every process listening (cache invalidation across app servers).
 */
export async function notifySheetChanged(
  tx: Tx,
  sheetIds: readonly string[],
  showing?: { series: readonly string[]; afterYear: number },
): Promise<void> {
  if (sheetIds.length === 0 && (showing?.series.length ?? 0) === 0) return;
  const parts: SQL[] = [];
  if (sheetIds.length > 0) parts.push(sql`select id from (values ${idValues(sheetIds)}) as given(id)`);
  if (showing && showing.series.length > 0) {
    parts.push(sql`select goals.sheet_id from placements
      join goals on placements.goal_id = goals.id
      join sheets on goals.sheet_id = sheets.id
      where placements.indicator_id in (${list(showing.series, 'uuid')}) and sheets.fiscal_year > ${showing.afterYear}`);
  }
  await tx.execute(sql`with changed(id) as (${sql.join(parts, sql` union `)}),
    announced(id) as (
      select id from changed
      union
      select section_sheet.id from sheets own_sheet
        join sheets section_sheet on section_sheet.ward_id = own_sheet.ward_id
          and section_sheet.fiscal_year = own_sheet.fiscal_year
        where own_sheet.organization_id = own_sheet.ward_id and own_sheet.id in (select id from changed)
    )
    select pg_notify(n.channel, n.payload) from (
      select ${sheetChangesChannel}::text as channel, id::text as payload from announced
      union all
      select distinct ${wardChangesChannel}::text, ward_id::text from sheets
        where id in (select id from announced)
    ) n`);
}

function idValues(ids: readonly string[]): SQL {
  return sql.join(
    [...new Set(ids)].map((id) => sql`(${id}::uuid)`),
    sql`, `,
  );
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
