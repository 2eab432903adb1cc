import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import {
  goals,
  indicators,
  organizationLineage,
  organizations,
  placements,
  sheets,
} from '../../../db/schema';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import type { RolloverSummary } from '../../../schemas/answers';
import { sheetTitle } from '../../../schemas/sheet-header';
import type { RollOver } from '../../../schemas/ward-year';
import { AppError } from '../../app-error';
import { findWard } from '../organizations/find-ward';
import { authorizeWard } from '../organizations/ward-access';
import { type HistoryActor, recordHistory } from '../sheets/history';

/**
 * Next year's sheets of a 部区 from this year's, in one action (企画担当): every sheet becomes a
 * 下書き of the next year with the same goals, 主な取組 and indicators — the same series, so
 * the new sheet's three 実績 columns are read from the stored results, nothing copied.
 * Targets, results and evaluations start empty; 補足 is carried over.
 */
export async function rollOverWardYear(
  db: Db,
  options: RollOver & { actor: Actor; by: HistoryActor },
): Promise<RolloverSummary> {
  const ward = await findWard(db, options);
  authorizeWard(options.actor, 'rollover', ward);
  const toYear = options.fromYear + 1;
  const from = await db
    .select()
    .from(sheets)
    .where(and(eq(sheets.wardId, ward.id), eq(sheets.fiscalYear, options.fromYear)))
    .orderBy(asc(sheets.position));
  if (from.length === 0) {
    throw new AppError(
      'not_found',
      `${ward.name}の${formatFiscalYear(options.fromYear)}のシートがありません。`,
    );
  }
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ organizationId: sheets.organizationId })
      .from(sheets)
      .where(and(eq(sheets.wardId, ward.id), eq(sheets.fiscalYear, toYear)));
    const taken = new Set(existing.map((e) => e.organizationId));
    const summary: RolloverSummary = { fromYear: options.fromYear, toYear, created: [], skipped: [] };
    const goalRows = await tx
      .select()
      .from(goals)
      .where(
        inArray(
          goals.sheetId,
          from.map((s) => s.id),
        ),
      )
      .orderBy(asc(goals.no));
    const placementRows = await tx
      .select()
      .from(placements)
      .where(
        inArray(
          placements.goalId,
          goalRows.map((g) => g.id),
        ),
      )
      .orderBy(asc(placements.position));
    const plan = await planTargets(tx, from, goalRows, placementRows, toYear);
    for (const target of plan) {
      if (taken.has(target.organizationId)) {
        summary.skipped.push(target.title);
        continue;
      }
      const [created] = await tx
        .insert(sheets)
        .values({
          ...target.header,
          organizationId: target.organizationId,
          fiscalYear: toYear,
          status: 'draft',
        })
        .returning({ id: sheets.id });
      if (!created) throw new Error('insert returned no row');
      for (const [index, { goal, carried }] of target.goals.entries()) {
        const [newGoal] = await tx
          .insert(goals)
          .values({
            sheetId: created.id,
            no: index + 1,
            parentNo: goal.parentNo,
            text: goal.text,
            initiatives: goal.initiatives,
          })
          .returning({ id: goals.id });
        if (newGoal && carried.length > 0) {
          await tx.insert(placements).values(
            carried.map((p) => ({
              goalId: newGoal.id,
              indicatorId: p.indicatorId,
              position: p.position,
              note: p.note,
            })),
          );
        }
      }
      await recordHistory(tx, {
        sheetId: created.id,
        actor: options.by,
        kind: 'rollover',
        comment: `${formatFiscalYear(options.fromYear)}のシート（${target.sources.join('・')}）から作成`,
        changes: [],
      });
      await notifySheetChanged(tx, [created.id]);
      summary.created.push({ sheetId: created.id, title: target.title });
    }
    return summary;
  });
}

type SheetRow = typeof sheets.$inferSelect;
type GoalRow = typeof goals.$inferSelect;
type PlacementRow = typeof placements.$inferSelect;

interface Target {
  organizationId: string;
  title: string;
  header: Pick<
    SheetRow,
    'wardId' | 'position' | 'departmentName' | 'organizationName' | 'phone' | 'purpose' | 'approach'
  >;
  goals: { goal: GoalRow; carried: PlacementRow[] }[];
  sources: string[];
}

/**
 * Which next-year sheet each goal goes to. An organization continues itself unless the
 * lineage says otherwise from `toYear`: renamed or merged into one successor, or split among
 * several — then a goal follows its indicators' series to the successor that owns them.
 */
async function planTargets(
  tx: Tx,
  from: SheetRow[],
  goalRows: GoalRow[],
  placementRows: PlacementRow[],
  toYear: number,
): Promise<Target[]> {
  const lineage = await tx
    .select()
    .from(organizationLineage)
    .where(
      and(
        inArray(
          organizationLineage.predecessorId,
          from.map((s) => s.organizationId),
        ),
        eq(organizationLineage.fromFiscalYear, toYear),
      ),
    );
  const owners = new Map(
    placementRows.length === 0
      ? []
      : (
          await tx
            .select({ id: indicators.id, organizationId: indicators.organizationId })
            .from(indicators)
            .where(
              inArray(
                indicators.id,
                placementRows.map((p) => p.indicatorId),
              ),
            )
        ).map((r) => [r.id, r.organizationId]),
  );
  const successorNames = new Map(
    lineage.length === 0
      ? []
      : (
          await tx
            .select({ id: organizations.id, name: organizations.name })
            .from(organizations)
            .where(
              inArray(
                organizations.id,
                lineage.map((l) => l.successorId),
              ),
            )
        ).map((o) => [o.id, o.name]),
  );
  const targets = new Map<string, Target>();
  const targetFor = (sheet: SheetRow, organizationId: string): Target => {
    const existing = targets.get(organizationId);
    const sourceTitle = sheetTitle(sheet);
    if (existing) {
      if (!existing.sources.includes(sourceTitle)) existing.sources.push(sourceTitle);
      if (sheet.purpose && existing.header.purpose !== sheet.purpose) {
        existing.header.purpose = [existing.header.purpose, sheet.purpose].filter(Boolean).join('\n');
      }
      return existing;
    }
    const renamed = successorNames.get(organizationId);
    const header = {
      wardId: sheet.wardId,
      position: sheet.position,
      departmentName: renamed && !sheet.organizationName ? renamed : sheet.departmentName,
      organizationName: renamed && sheet.organizationName ? renamed : sheet.organizationName,
      phone: sheet.phone,
      purpose: sheet.purpose,
      approach: sheet.approach,
    };
    const target = {
      organizationId,
      title: sheetTitle(header),
      header,
      goals: [],
      sources: [sourceTitle],
    };
    targets.set(organizationId, target);
    return target;
  };
  for (const sheet of from) {
    const successors = lineage
      .filter((l) => l.predecessorId === sheet.organizationId)
      .map((l) => l.successorId);
    const sheetGoals = goalRows.filter((g) => g.sheetId === sheet.id);
    if (sheetGoals.length === 0) targetFor(sheet, successors[0] ?? sheet.organizationId);
    for (const goal of sheetGoals) {
      const carried = placementRows.filter((p) => p.goalId === goal.id);
      const owner = owners.get(carried[0]?.indicatorId ?? '');
      const organizationId =
        successors.length === 0
          ? sheet.organizationId
          : owner && successors.includes(owner)
            ? owner
            : (successors[0] ?? sheet.organizationId);
      targetFor(sheet, organizationId).goals.push({ goal, carried });
    }
  }
  return [...targets.values()];
}
