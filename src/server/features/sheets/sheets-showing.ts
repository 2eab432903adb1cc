import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { goals, placements, sheets } from '../../../db/schema';

/**
 * The sheets that show these indicators' values: every sheet placing them, or only those of
 * years after `afterYear` (the later sheets whose 実績 columns read an earlier year's result).
 * When a value changes, all of them change, so every output shows the same value at any moment.
 */
export async function sheetsShowing(
  tx: Db | Tx,
  indicatorIds: readonly string[],
  afterYear?: number,
): Promise<string[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: goals.sheetId })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(sheets, eq(goals.sheetId, sheets.id))
    .where(
      and(
        inArray(placements.indicatorId, [...indicatorIds]),
        afterYear === undefined ? undefined : gt(sheets.fiscalYear, afterYear),
      ),
    );
  return rows.map((r) => r.id);
}
