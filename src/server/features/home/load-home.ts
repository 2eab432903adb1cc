import { and, eq, inArray, max, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import {
  indicators,
  organizations,
  resultCorrections,
  sheets,
  targetRevisions,
  users,
  wardYears,
} from '../../../db/schema';
import { type Deadlines, missedDeadline, phaseOf } from '../../../domain/deadlines';
import { boardTotals, deadlineAhead } from '../../../domain/progress-board';
import { canCorrect } from '../../../domain/result-correction';
import type { Actor, Role } from '../../../domain/roles';
import { can, type SheetPermission } from '../../../domain/sheet-policy';
import type { Awaiting, Home, HomeSheet, WardCard } from '../../../schemas/home';
import { sheetTitle } from '../../../schemas/sheet-header';
import { openThreadCounts } from '../comments/comments';
import { type WardRef, wardsOfMunicipality, wardsWithIds } from '../organizations/find-ward';
import { latestHistory, returnedBy } from '../progress/latest-history';
import { deadlinesOf, loadSheetRows, summaryOf } from '../sheets/list-ward-sheets';

/** The organizations (所属長・担当者) and 部区 (企画担当) the actor's grants name. */
function grantedPlaces(actor: Actor) {
  const ids = (held: Role[]) =>
    actor.grants.flatMap((g) => (held.includes(g.role) && g.organizationId ? [g.organizationId] : []));
  return {
    organizationIds: [...new Set(ids(['head', 'editor']))],
    wardIds: [...new Set(ids(['planner']))],
    municipalityWide: actor.grants.some((g) => g.role === 'admin' || g.role === 'viewer'),
  };
}

const closed = ['evaluated', 'published'] as const;
const latestOfWard = alias(sheets, 'latest_of_ward');

/**
 * The sheets of the actor's organizations and 部区 that still have work in them: every open
 * sheet of any year, and every sheet of each 部区's latest year.
 */
function sheetsInReach(db: Db, places: ReturnType<typeof grantedPlaces>) {
  const reach: SQL[] = [];
  if (places.organizationIds.length > 0) reach.push(inArray(sheets.organizationId, places.organizationIds));
  if (places.wardIds.length > 0) reach.push(inArray(sheets.wardId, places.wardIds));
  if (reach.length === 0) return Promise.resolve([]);
  const latestYear = db
    .select({ year: max(latestOfWard.fiscalYear) })
    .from(latestOfWard)
    .where(eq(latestOfWard.wardId, sheets.wardId));
  return db
    .select({
      id: sheets.id,
      organizationId: sheets.organizationId,
      wardId: sheets.wardId,
      fiscalYear: sheets.fiscalYear,
      departmentName: sheets.departmentName,
      organizationName: sheets.organizationName,
      status: sheets.status,
      submittedBy: sheets.submittedBy,
      ward: organizations.name,
      municipalityId: organizations.municipalityId,
    })
    .from(sheets)
    .innerJoin(organizations, eq(organizations.id, sheets.wardId))
    .where(
      and(
        or(...reach),
        or(notInArray(sheets.status, [...closed]), sql`${sheets.fiscalYear} = (${latestYear})`),
      ),
    )
    .orderBy(sheets.fiscalYear, sheets.position, sheets.departmentName);
}

type ReachedSheet = Awaited<ReturnType<typeof sheetsInReach>>[number];

/** The deadlines of each (部区, year) the sheets are in. */
async function deadlinesOfYears(db: Db, rows: readonly { wardId: string; fiscalYear: number }[]) {
  const byYear = new Map<string, Deadlines>();
  if (rows.length === 0) return (_: { wardId: string; fiscalYear: number }) => deadlinesOf(undefined);
  const found = await db
    .select()
    .from(wardYears)
    .where(
      and(
        inArray(wardYears.wardId, [...new Set(rows.map((r) => r.wardId))]),
        inArray(wardYears.fiscalYear, [...new Set(rows.map((r) => r.fiscalYear))]),
      ),
    );
  for (const row of found) byYear.set(`${row.wardId}:${row.fiscalYear}`, deadlinesOf(row));
  return (r: { wardId: string; fiscalYear: number }) =>
    byYear.get(`${r.wardId}:${r.fiscalYear}`) ?? deadlinesOf(undefined);
}

/** The decisions on a sheet itself that may wait for someone. */
const decisions = ['approve', 'approveEvaluation', 'confirmEvaluation'] as const satisfies SheetPermission[];

/** Proposed target revisions and result corrections in the actor's organizations and 部区, with their sheet. */
async function proposals(db: Db, places: ReturnType<typeof grantedPlaces>) {
  const reach: SQL[] = [];
  if (places.organizationIds.length > 0)
    reach.push(inArray(indicators.organizationId, places.organizationIds));
  if (places.wardIds.length > 0) reach.push(inArray(organizations.wardId, places.wardIds));
  if (reach.length === 0) return { revisions: [], corrections: [] };
  const proposer = alias(users, 'proposer');
  const wardOrganization = alias(organizations, 'ward_organization');
  const place = {
    organizationId: indicators.organizationId,
    wardId: organizations.wardId,
    municipalityId: organizations.municipalityId,
    ward: wardOrganization.name,
    indicator: indicators.name,
    proposedBy: proposer.id,
    proposerName: proposer.displayName,
    sheetId: sheets.id,
    fiscalYear: sheets.fiscalYear,
    departmentName: sheets.departmentName,
    organizationName: sheets.organizationName,
    status: sheets.status,
    submittedBy: sheets.submittedBy,
  };
  const [revisions, corrections] = await Promise.all([
    db
      .select({ ...place, at: targetRevisions.createdAt })
      .from(targetRevisions)
      .innerJoin(indicators, eq(indicators.id, targetRevisions.indicatorId))
      .innerJoin(organizations, eq(organizations.id, indicators.organizationId))
      .innerJoin(
        sheets,
        and(
          eq(sheets.organizationId, indicators.organizationId),
          eq(sheets.fiscalYear, targetRevisions.fiscalYear),
        ),
      )
      .innerJoin(wardOrganization, eq(wardOrganization.id, sheets.wardId))
      .leftJoin(proposer, eq(proposer.id, targetRevisions.proposedBy))
      .where(and(eq(targetRevisions.status, 'proposed'), or(...reach))),
    db
      .select({ ...place, at: resultCorrections.createdAt })
      .from(resultCorrections)
      .innerJoin(indicators, eq(indicators.id, resultCorrections.indicatorId))
      .innerJoin(organizations, eq(organizations.id, indicators.organizationId))
      .innerJoin(sheets, eq(sheets.id, resultCorrections.proposedOnSheetId))
      .innerJoin(wardOrganization, eq(wardOrganization.id, sheets.wardId))
      .leftJoin(proposer, eq(proposer.id, resultCorrections.proposedBy))
      .where(and(eq(resultCorrections.status, 'proposed'), or(...reach))),
  ]);
  return { revisions, corrections };
}

/** Each 部区's latest year: its totals and what waits for its 企画担当. */
async function wardCards(db: Db, wards: WardRef[], today: string): Promise<WardCard[]> {
  if (wards.length === 0) return [];
  const latest = await db
    .select({ wardId: sheets.wardId, fiscalYear: max(sheets.fiscalYear) })
    .from(sheets)
    .where(
      inArray(
        sheets.wardId,
        wards.map((w) => w.id),
      ),
    )
    .groupBy(sheets.wardId);
  const yearOf = new Map(latest.map((row) => [row.wardId, row.fiscalYear]));
  const years = [...new Set(latest.flatMap((row) => (row.fiscalYear === null ? [] : [row.fiscalYear])))];
  const rowsByYear = await Promise.all(
    years.map((year) =>
      loadSheetRows(
        db,
        wards.filter((w) => yearOf.get(w.id) === year).map((w) => w.id),
        year,
      ),
    ),
  );
  const rows = rowsByYear.flat();
  const deadlines = await deadlinesOfYears(db, rows);
  return wards.map((ward) => {
    const own = rows.filter((row) => row.wardId === ward.id);
    return {
      ward: ward.name,
      municipality: ward.municipalityName,
      fiscalYear: yearOf.get(ward.id) ?? null,
      totals: boardTotals(own.map((row) => summaryOf(row, deadlines(row), today))),
      toConfirm: own.filter((row) => row.status === 'evaluation_approved').length,
      toPublish: own.filter((row) => row.status === 'evaluated').length,
    };
  });
}

const byUrgency = (a: HomeSheet, b: HomeSheet) =>
  Number(b.overdue !== null) - Number(a.overdue !== null) ||
  Number(b.returned !== null) - Number(a.returned !== null) ||
  (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
  b.fiscalYear - a.fiscalYear;

/**
 * ホーム of a signed-in user: 担当者 and 所属長 see their organizations' sheets with the
 * deadline ahead, any 差戻し and the コメント still open; whoever may decide something (承認, 評価の承認・確定, 目標の修正,
 * 過年度実績の訂正) sees it waiting, as the policies decide; 企画担当 see their 部区 and
 * 管理者・閲覧者 every 部区 of the municipality, each with its latest year's progress.
 */
export async function loadHome(db: Db, actor: Actor, today: string): Promise<Home> {
  const places = grantedPlaces(actor);
  const reached = await sheetsInReach(db, places);
  const readable = reached.filter((row) => can(actor, 'read', row));
  const mine = readable.filter((row) => places.organizationIds.includes(row.organizationId));
  const [history, deadlines, proposed, followed, openComments] = await Promise.all([
    latestHistory(
      db,
      readable.map((row) => row.id),
    ),
    deadlinesOfYears(db, readable),
    proposals(db, places),
    places.municipalityWide
      ? wardsOfMunicipality(db, actor.municipalityId)
      : wardsWithIds(db, places.wardIds),
    openThreadCounts(
      db,
      mine.map((row) => row.id),
    ),
  ]);
  const sheetPlace = (
    row: Pick<ReachedSheet, 'departmentName' | 'organizationName' | 'fiscalYear'> & {
      id: string;
      ward: string;
    },
  ) => ({
    sheetId: row.id,
    title: sheetTitle(row),
    ward: row.ward,
    fiscalYear: row.fiscalYear,
  });

  const mySheets = mine
    .map((row): HomeSheet => {
      const ahead = deadlines(row);
      return {
        ...sheetPlace(row),
        status: row.status,
        phase: phaseOf(row.status),
        deadline: deadlineAhead(row.status, ahead),
        overdue: missedDeadline(row.status, ahead, today),
        returned: returnedBy(history.lastMove.get(row.id)),
        openComments: openComments.get(row.id) ?? 0,
      };
    })
    .sort(byUrgency);

  const awaiting: Awaiting[] = [];
  for (const row of readable) {
    for (const decision of decisions) {
      if (!can(actor, decision, row)) continue;
      const move = history.lastMove.get(row.id);
      awaiting.push({
        kind: decision,
        ...sheetPlace(row),
        asked: move ? { by: move.actorName, at: move.at.toISOString() } : null,
        indicator: null,
      });
    }
  }
  const proposal = (kind: 'revision' | 'correction', p: (typeof proposed.revisions)[number]): Awaiting => ({
    kind,
    ...sheetPlace({ ...p, id: p.sheetId }),
    asked: { by: p.proposerName ?? '（不明）', at: p.at.toISOString() },
    indicator: p.indicator,
  });
  for (const p of proposed.revisions) {
    const scope = { ...p, wardId: p.wardId ?? p.organizationId };
    if (can(actor, 'decideRevision', scope)) awaiting.push(proposal('revision', p));
  }
  for (const p of proposed.corrections) {
    const scope = { ...p, wardId: p.wardId ?? p.organizationId };
    if (canCorrect(actor, 'decideCorrection', scope)) awaiting.push(proposal('correction', p));
  }
  awaiting.sort((a, b) => (a.asked?.at ?? '').localeCompare(b.asked?.at ?? ''));

  return { today, mySheets, awaiting, wards: await wardCards(db, followed, today) };
}
