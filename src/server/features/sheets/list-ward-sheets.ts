import { and, asc, countDistinct, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { goals, placements, sheets, wardYears } from '../../../db/schema';
import { type Deadlines, missedDeadline, phaseOf } from '../../../domain/deadlines';
import type { Licence } from '../../../domain/licence';
import type { Actor } from '../../../domain/roles';
import type { NominalDates } from '../../../domain/sheet-dates';
import { nominalDatesIn } from '../../../domain/sheet-dates';
import { can, publicStatuses } from '../../../domain/sheet-policy';
import type { SheetSummary, WardYearSheets } from '../../../schemas/sheet';
import { sheetTitle } from '../../../schemas/sheet-header';
import { todayInJapan } from '../../clock';
import { municipalityLicence } from '../licence/licence-of';
import { findWard, type WardRef } from '../organizations/find-ward';
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

/**
 * What a 部区's year list is made of, whoever looks: every sheet of the year (all states) with
 * its counts, the year's row, the municipality's nominal dates and the years the 部区 has
 * sheets for. Every query is bounded by the 部区 (indexes on ward and year), not the database.
 */
export interface WardYearContent {
  ward: WardRef;
  fiscalYear: number;
  rows: SheetRow[];
  yearRow: typeof wardYears.$inferSelect | undefined;
  nominalDates: NominalDates;
  years: { fiscalYear: number; published: boolean }[];
  licence: Licence;
}

/** The sheets of a year of these 部区 with their counts, in each 部区's booklet order. */
export function loadSheetRows(db: Db, wardIds: readonly string[], fiscalYear: number) {
  return db
    .select({
      id: sheets.id,
      organizationId: sheets.organizationId,
      fiscalYear: sheets.fiscalYear,
      departmentName: sheets.departmentName,
      organizationName: sheets.organizationName,
      status: sheets.status,
      version: sheets.version,
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
        wardIds.length === 1 ? eq(sheets.wardId, wardIds[0] ?? '') : inArray(sheets.wardId, [...wardIds]),
        eq(sheets.fiscalYear, fiscalYear),
      ),
    )
    .groupBy(sheets.id)
    .orderBy(asc(sheets.position), asc(sheets.departmentName));
}

export type SheetRow = Awaited<ReturnType<typeof loadSheetRows>>[number];

/** A 部区's deadlines of a year from its row (all null without one). */
export function deadlinesOf(yearRow: typeof wardYears.$inferSelect | undefined): Deadlines {
  return {
    plan: yearRow?.planDeadline ?? null,
    revision: yearRow?.revisionDeadline ?? null,
    evaluation: yearRow?.evaluationDeadline ?? null,
  };
}

/** A sheet as lists show it, its phase and any missed deadline as of `today`. */
export function summaryOf(r: SheetRow, deadlines: Deadlines, today: string): SheetSummary {
  return {
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
  };
}

export async function loadWardYearContent(
  db: Db,
  options: Omit<ListWardSheetsOptions, 'actor'>,
): Promise<WardYearContent> {
  const ward = await findWard(db, options);
  const rows = await loadSheetRows(db, [ward.id], options.fiscalYear);
  const [yearRow] = await db
    .select()
    .from(wardYears)
    .where(and(eq(wardYears.wardId, ward.id), eq(wardYears.fiscalYear, options.fiscalYear)));
  const published = sql.join(
    publicStatuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const years = await db
    .select({
      fiscalYear: sheets.fiscalYear,
      published: sql<boolean>`bool_or(${sheets.status} in (${published}))`,
    })
    .from(sheets)
    .where(eq(sheets.wardId, ward.id))
    .groupBy(sheets.fiscalYear);
  return {
    ward,
    fiscalYear: options.fiscalYear,
    rows,
    yearRow,
    nominalDates: await nominalDatesOf(db, ward.municipalityId),
    years,
    licence: await municipalityLicence(db, ward.municipalityId),
  };
}

/** The list as `actor` sees it on `today`: only the sheets (and years) they may read. */
export function presentWardSheets(
  content: WardYearContent,
  actor: Actor | null,
  today: string,
): WardYearSheets {
  const { ward, fiscalYear, yearRow } = content;
  const deadlines = deadlinesOf(yearRow);
  const dates = {
    createdOn: yearRow?.createdOn ?? null,
    revisedOn: yearRow?.revisedOn ?? null,
    evaluatedOn: yearRow?.evaluatedOn ?? null,
  };
  const nominal = nominalDatesIn(fiscalYear, content.nominalDates);
  const officialDates = {
    createdOn: dates.createdOn ?? nominal.createdOn,
    revisedOn: dates.revisedOn ?? nominal.revisedOn,
    evaluatedOn: dates.evaluatedOn ?? nominal.evaluatedOn,
  };
  const readable = content.rows.filter((r) =>
    can(actor, 'read', { ...r, municipalityId: ward.municipalityId }),
  );
  const summaries = readable.map((r) => summaryOf(r, deadlines, today));
  const sum = (pick: (s: (typeof summaries)[number]) => number) => summaries.reduce((n, s) => n + pick(s), 0);
  return {
    ward: {
      id: ward.id,
      name: ward.name,
      municipality: ward.municipalityName,
      fiscalYears: content.years
        .filter((year) => actor !== null || year.published)
        .map((year) => year.fiscalYear)
        .sort((a, b) => b - a),
    },
    fiscalYear,
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
    licence: content.licence,
  };
}

/** A 部区's sheets of one year, with their goal, indicator and evaluation counts, read now. */
export async function listWardSheets(db: Db, options: ListWardSheetsOptions): Promise<WardYearSheets> {
  return presentWardSheets(await loadWardYearContent(db, options), options.actor, todayInJapan());
}
