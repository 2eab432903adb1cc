import { type SQL, sql } from 'drizzle-orm';
import { query } from '../../../db/backup/catalog';
import type { Db } from '../../../db/client';
import type { Ward } from '../../../schemas/sheet';

/**
 * Every 部/区 (or those of `wardIds`) with the fiscal years it has sheets for, newest first, in
 * the order of municipality and name.
 *
 * The years are found by a skip scan of the index `sheets_ward_year` (ward_id, fiscal_year):
 * per 部区, one index descent per year it has (the newest year, then the newest before it…),
 * so the cost grows with the number of 部区 and years, not with the number of sheets — the
 * DISTINCT over every sheet it replaces read and sorted them all.
 */
export async function listWardYears(db: Db, options: { wardIds?: readonly string[] } = {}): Promise<Ward[]> {
  if (options.wardIds?.length === 0) return [];
  return query<Ward>(db, wardYearsQuery(options));
}

/** The statement of `listWardYears` (bench/explain-public-reads.ts shows its plan). */
export function wardYearsQuery(options: { wardIds?: readonly string[] } = {}): SQL {
  const only = options.wardIds
    ? sql`and o.id in (${sql.join(
        options.wardIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  return sql`select o.id, o.name, m.name as municipality,
          coalesce((
            with recursive y(fiscal_year) as (
              (select s.fiscal_year from sheets s where s.ward_id = o.id
               order by s.fiscal_year desc limit 1)
              union all
              select (select s.fiscal_year from sheets s where s.ward_id = o.id and s.fiscal_year < y.fiscal_year
                      order by s.fiscal_year desc limit 1)
              from y where y.fiscal_year is not null
            )
            select array_agg(fiscal_year order by fiscal_year desc) from y where fiscal_year is not null
          ), '{}') as "fiscalYears"
        from organizations o join municipalities m on m.id = o.municipality_id
        where o.kind = 'ward' ${only}
        order by m.name, o.name`;
}
