import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheetSnapshots, sheets, wardYears } from '../../../db/schema';
import { type Phase, wardYearPhase } from '../../../domain/deadlines';
import type { Actor } from '../../../domain/roles';
import { todayInJapan } from '../../clock';
import { findWard } from '../organizations/find-ward';
import { authorizeWard } from '../organizations/ward-access';
import { loadWardYear } from '../sheets/load-ward-year';
import { type ConsistencyItem, checkConsistency } from './check-consistency';

export interface ConsistencyReport {
  ward: string;
  fiscalYear: number;
  sheets: number;
  /** The phase of the year the report was made for: it lists what fits it. */
  phase: Phase;
  items: ConsistencyItem[];
}

/** The consistency report of a 部区's year, over the sheets the actor may read. */
export async function buildConsistencyReport(
  db: Db,
  options: { actor: Actor | null; ward: string; municipality?: string | undefined; fiscalYear: number },
): Promise<ConsistencyReport> {
  const ward = await findWard(db, options);
  authorizeWard(options.actor, 'checkConsistency', ward);
  const { sheets: details } = await loadWardYear(db, options);
  const wardSheet = details.find((d) => d.organizationId === ward.id) ?? null;
  const phase = await phaseOfWardYear(db, ward.id, options.fiscalYear);
  const snapshots =
    details.length === 0
      ? []
      : await db
          .select({ sheetId: sheetSnapshots.sheetId, document: sheetSnapshots.document })
          .from(sheetSnapshots)
          .where(
            and(
              inArray(
                sheetSnapshots.sheetId,
                details.map((d) => d.id),
              ),
              eq(sheetSnapshots.stage, 'plan'),
            ),
          );
  const planSnapshots = new Map(snapshots.map((s) => [s.sheetId, s.document]));
  return {
    ward: ward.name,
    fiscalYear: options.fiscalYear,
    sheets: details.length,
    phase,
    items: checkConsistency(details, { wardSheet, planSnapshots, phase }),
  };
}

/**
 * The phase of a 部区's year from all its sheets' states and its deadlines, on today's date
 * (see wardYearPhase).
 */
async function phaseOfWardYear(db: Db, wardId: string, fiscalYear: number): Promise<Phase> {
  const rows = await db
    .select({ status: sheets.status })
    .from(sheets)
    .where(and(eq(sheets.wardId, wardId), eq(sheets.fiscalYear, fiscalYear)));
  const [year] = await db
    .select()
    .from(wardYears)
    .where(and(eq(wardYears.wardId, wardId), eq(wardYears.fiscalYear, fiscalYear)));
  const deadlines = {
    plan: year?.planDeadline ?? null,
    revision: year?.revisionDeadline ?? null,
    evaluation: year?.evaluationDeadline ?? null,
  };
  return wardYearPhase(
    fiscalYear,
    rows.map((r) => r.status),
    deadlines,
    todayInJapan(),
  );
}
