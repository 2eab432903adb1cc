import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { roleGrants, users, wardYears } from '../../../db/schema';
import { historyActionLabel } from '../../../domain/history-action';
import { boardTotals, deadlineAhead } from '../../../domain/progress-board';
import type { Actor } from '../../../domain/roles';
import { can } from '../../../domain/sheet-policy';
import type { ProgressBoard, ProgressRow } from '../../../schemas/progress';
import { AppError, signInNeeded } from '../../app-error';
import { openThreadCounts } from '../comments/comments';
import { findWard, type WardRef, wardsOfMunicipality } from '../organizations/find-ward';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { authorizeWard } from '../organizations/ward-access';
import { deadlinesOf, loadSheetRows, summaryOf } from '../sheets/list-ward-sheets';
import { latestHistory, returnedBy } from './latest-history';

export interface ProgressBoardOptions {
  actor: Actor | null;
  fiscalYear: number;
  /** One 部区; without it, every 部区 of the municipality. */
  ward?: string | undefined;
  municipality?: string | undefined;
  /** Today in Japan: what is overdue. */
  today: string;
}

/** The 部区 the board covers, once the actor may see it: the one named, or all of the municipality. */
async function wardsOfBoard(db: Db, options: ProgressBoardOptions): Promise<WardRef[]> {
  const { actor } = options;
  if (options.ward !== undefined) {
    const ward = await findWard(db, { ward: options.ward, municipality: options.municipality });
    authorizeWard(actor, 'viewProgress', ward);
    return [ward];
  }
  if (!actor) throw signInNeeded();
  authorizeMunicipality(actor, 'viewAllProgress', actor.municipalityId);
  const wards = await wardsOfMunicipality(db, actor.municipalityId);
  const named = options.municipality;
  if (named !== undefined && wards[0] && wards[0].municipalityName !== named) {
    throw new AppError('forbidden', '他の自治体の進捗管理表は見られません。', [
      { path: 'municipality', message: 'ご自身の自治体を指定してください' },
    ]);
  }
  return wards;
}

/** 担当者 and 所属長 of each organization, by display name. */
async function peopleOf(db: Db, organizationIds: string[]) {
  const people = new Map<string, { responsible: string[]; heads: string[] }>();
  if (organizationIds.length === 0) return people;
  const grants = await db
    .select({ organizationId: roleGrants.organizationId, role: roleGrants.role, name: users.displayName })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        inArray(roleGrants.organizationId, organizationIds),
        inArray(roleGrants.role, ['editor', 'head']),
        eq(users.disabled, false),
      ),
    )
    .orderBy(asc(users.displayName));
  for (const grant of grants) {
    if (!grant.organizationId) continue;
    const entry = people.get(grant.organizationId) ?? { responsible: [], heads: [] };
    people.set(grant.organizationId, entry);
    (grant.role === 'head' ? entry.heads : entry.responsible).push(grant.name);
  }
  return people;
}

/**
 * 進捗管理表 of a 部区's year, or of every 部区 of the municipality: each sheet the actor may
 * read, with its phase, the deadline it works towards and whether it is past, its people, its
 * last change and any 差戻し it is back with; totals by phase and evaluation.
 */
export async function loadProgressBoard(db: Db, options: ProgressBoardOptions): Promise<ProgressBoard> {
  const wards = await wardsOfBoard(db, options);
  const wardIds = wards.map((ward) => ward.id);
  const { fiscalYear, today, actor } = options;
  const [sheetRows, yearRows] = await Promise.all([
    wardIds.length === 0 ? Promise.resolve([]) : loadSheetRows(db, wardIds, fiscalYear),
    wardIds.length === 0
      ? Promise.resolve([])
      : db
          .select()
          .from(wardYears)
          .where(and(inArray(wardYears.wardId, wardIds), eq(wardYears.fiscalYear, fiscalYear))),
  ]);
  const municipalityId = wards[0]?.municipalityId ?? actor?.municipalityId ?? '';
  const readable = sheetRows.filter((row) => can(actor, 'read', { ...row, municipalityId }));
  const wardOrder = new Map(wardIds.map((id, index) => [id, index]));
  readable.sort((a, b) => (wardOrder.get(a.wardId) ?? 0) - (wardOrder.get(b.wardId) ?? 0));
  const sheetIds = readable.map((row) => row.id);
  const [people, history, openComments] = await Promise.all([
    peopleOf(db, [...new Set(readable.map((row) => row.organizationId))]),
    latestHistory(db, sheetIds),
    openThreadCounts(db, sheetIds),
  ]);
  const wardName = new Map(wards.map((ward) => [ward.id, ward.name]));
  const deadlinesByWard = new Map(yearRows.map((row) => [row.wardId, deadlinesOf(row)]));
  const rows = readable.map((row): ProgressRow => {
    const deadlines = deadlinesByWard.get(row.wardId) ?? deadlinesOf(undefined);
    const last = history.lastChange.get(row.id);
    const staff = people.get(row.organizationId);
    return {
      ...summaryOf(row, deadlines, today),
      version: row.version,
      ward: wardName.get(row.wardId) ?? '',
      responsible: staff?.responsible ?? [],
      heads: staff?.heads ?? [],
      lastChange: last
        ? { by: last.actorName, at: last.at.toISOString(), what: historyActionLabel(last) }
        : null,
      deadline: deadlineAhead(row.status, deadlines),
      returned: returnedBy(history.lastMove.get(row.id)),
      openComments: openComments.get(row.id) ?? 0,
    };
  });
  return {
    municipality: wards[0]?.municipalityName ?? '',
    ward: options.ward === undefined ? null : (wards[0]?.name ?? null),
    fiscalYear,
    today,
    rows,
    totals: boardTotals(rows),
  };
}
