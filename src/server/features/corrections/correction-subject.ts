import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { goals, indicators, organizations, placements, sheets } from '../../../db/schema';
import type { OrganizationScope } from '../../../domain/roles';
import type { SheetStatus } from '../../../domain/sheet-status';
import { AppError } from '../../app-error';

/** An indicator with where it sits, for the correction policy. */
export async function loadIndicatorScope(
  db: Db | Tx,
  indicatorId: string,
): Promise<{ name: string; scope: OrganizationScope }> {
  const [row] = await db
    .select({
      name: indicators.name,
      organizationId: indicators.organizationId,
      wardId: organizations.wardId,
      municipalityId: organizations.municipalityId,
    })
    .from(indicators)
    .innerJoin(organizations, eq(indicators.organizationId, organizations.id))
    .where(eq(indicators.id, indicatorId));
  if (!row) throw new AppError('not_found', 'お探しの指標は見つかりませんでした。');
  return {
    name: row.name,
    scope: {
      municipalityId: row.municipalityId,
      wardId: row.wardId ?? row.organizationId,
      organizationId: row.organizationId,
    },
  };
}

export interface YearSheet {
  id: string;
  status: SheetStatus;
  version: number;
}

/** The sheet of `fiscalYear` that places the indicator — the year its result belongs to — or null. */
export async function findYearSheet(
  db: Db | Tx,
  indicatorId: string,
  fiscalYear: number,
): Promise<YearSheet | null> {
  const [row] = await db
    .select({ id: sheets.id, status: sheets.status, version: sheets.version })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(sheets, eq(goals.sheetId, sheets.id))
    .where(and(eq(placements.indicatorId, indicatorId), eq(sheets.fiscalYear, fiscalYear)));
  return row ?? null;
}
