import { and, asc, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { goals, placements, sheets, wardYears } from '../../../db/schema';
import { missedDeadline, phaseOf } from '../../../domain/deadlines';
import type { Actor } from '../../../domain/roles';
import { nominalDatesIn } from '../../../domain/sheet-dates';
import { can, publicStatuses } from '../../../domain/sheet-policy';
import type { WardYearSheets } from '../../../schemas/sheet';
import { sheetTitle } from '../../../schemas/sheet-header';
import { todayInJapan } from '../../clock';
import { findWard } from '../organizations/find-ward';
import { listWardYears } from '../organizations/list-wards';
import { nominalDatesOf } from '../sheet-dates/official-dates';

export interface ListWardSheetsOptions {
  ward: string;
  municipality?: string | undefined;
  fiscalYear: number;
  /** Who is looking: only the sheets they may read are listed. */
  actor: Actor | null;
}

const countWhere = (evaluation: string) =>
  sql<number>`(count(${placements.id}) filter (where ${placements.evaluation} = ${evaluation}))::int`;

/** A 部区's sheets of one year, with their goal, indicator and evaluation counts. */
export async function listWardSheets(db: Db, options: ListWardSheetsOptions): Promise<WardYearSheets> {
  const ward = await findWard(db, options);
  const rows = await db
    .select({
      id: sheets.id,
      organizationId: sheets.organizationId,
      fiscalYear: sheets.fiscalYear,
      departmentName: sheets.departmentName,
      organizationName: sheets.organizationName,
      status: sheets.status,
      wardId: sheets.wardId,
      submittedBy: sheets.submittedBy,
      goalCount: countDistinct(goals.id),
      indicatorCount: sql<number>`count(${placements.id})::int`,
      achieved: countWhere('達成'),
      partly: countWhere('一部未達成'),
      notAchieved: countWhere('未達成'),
      unevaluated: sql<number>`(count(${placements.id}) filter (where ${placements.evaluation} is null))::int`,
    })
    .from(sheets)
    .leftJoin(goals, eq(goals.sheetId, sheets.id))
    .leftJoin(placements, eq(placements.goalId, goals.id))
    .where(
      and(
        eq(sheets.wardId, ward.id),
        eq(sheets.fiscalYear, options.fiscalYear),
        options.actor ? undefined : inArray(sheets.status, [...publicStatuses]),
      ),
    )
    .groupBy(sheets.id)
    .orderBy(asc(sheets.position), asc(sheets.departmentName));

  const [yearRow] = await db
    .select()
    .from(wardYears)
    .where(and(eq(wardYears.wardId, ward.id), eq(wardYears.fiscalYear, options.fiscalYear)));
  const deadlines = {
    plan: yearRow?.planDeadline ?? null,
    revision: yearRow?.revisionDeadline ?? null,
    evaluation: yearRow?.evaluationDeadline ?? null,
  };
  const dates = {
    createdOn: yearRow?.createdOn ?? null,
    revisedOn: yearRow?.revisedOn ?? null,
    evaluatedOn: yearRow?.evaluatedOn ?? null,
  };
  const nominal = nominalDatesIn(options.fiscalYear, await nominalDatesOf(db, ward.municipalityId));
  const officialDates = {
    createdOn: dates.createdOn ?? nominal.createdOn,
    revisedOn: dates.revisedOn ?? nominal.revisedOn,
    evaluatedOn: dates.evaluatedOn ?? nominal.evaluatedOn,
  };
  const today = todayInJapan();
  const readable = rows.filter((r) =>
    can(options.actor, 'read', { ...r, municipalityId: ward.municipalityId }),
  );
  const summaries = readable.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    fiscalYear: r.fiscalYear,
    departmentName: r.departmentName,
    organizationName: r.organizationName,
    title: sheetTitle(r),
    status: r.status,
    goalCount: Number(r.goalCount),
    indicatorCount: r.indicatorCount,
    evaluations: { 達成: r.achieved, 一部未達成: r.partly, 未達成: r.notAchieved, 未評価: r.unevaluated },
    phase: phaseOf(r.status),
    overdue: missedDeadline(r.status, deadlines, today),
  }));
  const sum = (pick: (s: (typeof summaries)[number]) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  const [wardWithYears] = await listWardYears(db, {
    wardId: ward.id,
    statuses: options.actor ? undefined : publicStatuses,
  });
  return {
    ward: wardWithYears ?? {
      id: ward.id,
      name: ward.name,
      municipality: ward.municipalityName,
      fiscalYears: [],
    },
    fiscalYear: options.fiscalYear,
    sheets: summaries,
    deadlines,
    dates,
    officialDates,
    nominalDates: nominal,
    totals: {
      goals: sum((s) => s.goalCount),
      indicators: sum((s) => s.indicatorCount),
      evaluations: {
        達成: sum((s) => s.evaluations.達成),
        一部未達成: sum((s) => s.evaluations.一部未達成),
        未達成: sum((s) => s.evaluations.未達成),
        未評価: sum((s) => s.evaluations.未評価),
      },
    },
  };
}
