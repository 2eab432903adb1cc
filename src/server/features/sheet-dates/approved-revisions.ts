import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { goals, placements, targetRevisions } from '../../../db/schema';

/** Of these sheets (all of `fiscalYear`), the ones with an approved target revision of that year. */
export async function sheetsWithApprovedRevision(
  db: Db | Tx,
  sheetIds: string[],
  fiscalYear: number,
): Promise<Set<string>> {
  if (sheetIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ sheetId: goals.sheetId })
    .from(targetRevisions)
    .innerJoin(placements, eq(placements.indicatorId, targetRevisions.indicatorId))
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .where(
      and(
        inArray(goals.sheetId, sheetIds),
        eq(targetRevisions.status, 'approved'),
        eq(targetRevisions.fiscalYear, fiscalYear),
      ),
    );
  return new Set(rows.map((r) => r.sheetId));
}
