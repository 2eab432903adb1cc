import { and, desc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { goals, indicators, placements, resultCorrections, sheets, users } from '../../../db/schema';
import { actualYears } from '../../../domain/fiscal-year';
import { canCorrect, closedStatuses } from '../../../domain/result-correction';
import type { Actor, OrganizationScope } from '../../../domain/roles';
import type { SheetStatus } from '../../../domain/sheet-status';
import type { CorrectionItem } from '../../../schemas/result-correction';
import type { SheetDetail } from '../../../schemas/sheet';

/**
 * The corrections around a sheet's results (its own year and the three 実績 years) for the
 * people working on it: those waiting, and those returned and not proposed again.
 */
export async function correctionsOf(
  db: Db,
  actor: Actor,
  sheet: SheetDetail,
  scope: OrganizationScope,
): Promise<CorrectionItem[]> {
  const indicatorIds = sheet.goals.flatMap((g) => g.indicators.map((i) => i.indicatorId));
  if (indicatorIds.length === 0) return [];
  const years = [...actualYears(sheet.fiscalYear), sheet.fiscalYear];
  const rows = await db
    .select({ correction: resultCorrections, name: indicators.name, proposer: users.displayName })
    .from(resultCorrections)
    .innerJoin(indicators, eq(resultCorrections.indicatorId, indicators.id))
    .leftJoin(users, eq(resultCorrections.proposedBy, users.id))
    .where(
      and(
        inArray(resultCorrections.indicatorId, indicatorIds),
        inArray(resultCorrections.fiscalYear, years),
        or(eq(resultCorrections.status, 'proposed'), eq(resultCorrections.status, 'returned')),
      ),
    )
    .orderBy(desc(resultCorrections.createdAt));
  const seen = new Set<string>();
  const items: CorrectionItem[] = [];
  for (const { correction: c, name, proposer } of rows) {
    // The latest proposal of each result stands; older returned ones are history.
    const key = `${c.indicatorId}:${c.fiscalYear}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({
      id: c.id,
      indicatorId: c.indicatorId,
      indicatorName: name,
      fiscalYear: c.fiscalYear,
      from: c.fromText,
      to: c.toText,
      reason: c.reason,
      status: c.status,
      proposedBy: proposer,
      proposedAt: c.createdAt.toISOString(),
      decisionComment: c.decisionComment,
      mayDecide:
        c.status === 'proposed' &&
        canCorrect(actor, 'decideCorrection', { ...scope, proposedBy: c.proposedBy }),
    });
  }
  return items;
}

/**
 * The results on the sheet this actor may propose to correct: each 実績 year, and the
 * sheet's own year once it is closed, whose year has no open sheet of its own.
 */
export async function correctableResults(
  db: Db,
  actor: Actor,
  sheet: SheetDetail,
  scope: OrganizationScope,
): Promise<{ indicatorId: string; fiscalYear: number }[]> {
  if (!canCorrect(actor, 'proposeCorrection', scope)) return [];
  const indicatorIds = sheet.goals.flatMap((g) => g.indicators.map((i) => i.indicatorId));
  if (indicatorIds.length === 0) return [];
  const years = actualYears(sheet.fiscalYear);
  const open = await db
    .select({ indicatorId: placements.indicatorId, fiscalYear: sheets.fiscalYear, status: sheets.status })
    .from(placements)
    .innerJoin(goals, eq(placements.goalId, goals.id))
    .innerJoin(sheets, eq(goals.sheetId, sheets.id))
    .where(and(inArray(placements.indicatorId, indicatorIds), inArray(sheets.fiscalYear, years)));
  const openYears = new Set(
    open
      .filter((o) => !closedStatuses.includes(o.status as SheetStatus))
      .map((o) => `${o.indicatorId}:${o.fiscalYear}`),
  );
  const ownYearClosed = closedStatuses.includes(sheet.status);
  return indicatorIds.flatMap((indicatorId) => [
    ...years
      .filter((y) => !openYears.has(`${indicatorId}:${y}`))
      .map((fiscalYear) => ({ indicatorId, fiscalYear })),
    ...(ownYearClosed ? [{ indicatorId, fiscalYear: sheet.fiscalYear }] : []),
  ]);
}
