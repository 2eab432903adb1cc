import { and, asc, desc, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { municipalities, organizations, sheetHistory, sheets } from '../../../db/schema';
import { type Licence, licenceOf } from '../../../domain/licence';
import { publicStatuses } from '../../../domain/sheet-policy';

/** A 部区's year with published sheets: what the public's files of it hold, and since when. */
export interface PublishedWardYear {
  municipalityId: string;
  municipality: string;
  licence: Licence;
  wardId: string;
  ward: string;
  fiscalYear: number;
  sheetCount: number;
  /** When its first sheet was published (a sheet imported as published: when it was stored). */
  issued: Date;
  /** When any of its published sheets last changed. */
  modified: Date;
}

/**
 * Every 部区 year with at least one published sheet, newest year first within each 部区 —
 * optionally of one municipality, one 部区 or one year. Only what the public may read counts.
 */
export async function publishedWardYears(
  db: Db,
  filter: { municipality?: string | undefined; wardId?: string; fiscalYear?: number } = {},
): Promise<PublishedWardYear[]> {
  const published = db
    .select({ sheetId: sheetHistory.sheetId, at: min(sheetHistory.at).as('published_at') })
    .from(sheetHistory)
    .where(and(eq(sheetHistory.kind, 'transition'), eq(sheetHistory.action, 'publish')))
    .groupBy(sheetHistory.sheetId)
    .as('published');
  const rows = await db
    .select({
      municipalityId: municipalities.id,
      municipality: municipalities.name,
      licenceName: municipalities.licenceName,
      licenceUrl: municipalities.licenceUrl,
      wardId: organizations.id,
      ward: organizations.name,
      fiscalYear: sheets.fiscalYear,
      sheetCount: sql<number>`count(*)::int`,
      issued: sql<Date>`coalesce(min(${published.at}), min(${sheets.createdAt}))`.mapWith(sheets.createdAt),
      modified: sql<Date>`max(${sheets.updatedAt})`.mapWith(sheets.updatedAt),
    })
    .from(sheets)
    .innerJoin(organizations, eq(sheets.wardId, organizations.id))
    .innerJoin(municipalities, eq(organizations.municipalityId, municipalities.id))
    .leftJoin(published, eq(published.sheetId, sheets.id))
    .where(
      and(
        inArray(sheets.status, [...publicStatuses]),
        filter.municipality ? eq(municipalities.name, filter.municipality) : undefined,
        filter.wardId ? eq(organizations.id, filter.wardId) : undefined,
        filter.fiscalYear ? eq(sheets.fiscalYear, filter.fiscalYear) : undefined,
      ),
    )
    .groupBy(municipalities.id, organizations.id, sheets.fiscalYear)
    .orderBy(
      asc(municipalities.name),
      asc(organizations.createdAt),
      asc(organizations.name),
      desc(sheets.fiscalYear),
    );
  return rows.map(({ licenceName, licenceUrl, ...row }) => ({
    ...row,
    licence: licenceOf({ licenceName, licenceUrl }),
  }));
}
