import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { municipalities, organizations, sheets } from '../../../db/schema';
import type { SheetStatus } from '../../../domain/sheet-status';
import type { Ward } from '../../../schemas/sheet';

/** Every 部/区 with the fiscal years it has sheets for (newest first). */
export async function listWardYears(
  db: Db,
  options: { wardId?: string; statuses?: readonly SheetStatus[] | undefined } = {},
): Promise<Ward[]> {
  const rows = await db
    .selectDistinct({
      id: organizations.id,
      name: organizations.name,
      municipality: municipalities.name,
      fiscalYear: sheets.fiscalYear,
    })
    .from(organizations)
    .innerJoin(municipalities, eq(organizations.municipalityId, municipalities.id))
    .leftJoin(
      sheets,
      and(
        eq(sheets.wardId, organizations.id),
        options.statuses ? inArray(sheets.status, [...options.statuses]) : undefined,
      ),
    )
    .where(
      and(eq(organizations.kind, 'ward'), options.wardId ? eq(organizations.id, options.wardId) : undefined),
    )
    .orderBy(asc(municipalities.name), asc(organizations.name));
  const wards = new Map<string, Ward>();
  for (const row of rows) {
    const ward = wards.get(row.id) ?? {
      id: row.id,
      name: row.name,
      municipality: row.municipality,
      fiscalYears: [],
    };
    if (row.fiscalYear !== null) ward.fiscalYears.push(row.fiscalYear);
    wards.set(row.id, ward);
  }
  for (const ward of wards.values()) ward.fiscalYears.sort((a, b) => b - a);
  return [...wards.values()];
}
