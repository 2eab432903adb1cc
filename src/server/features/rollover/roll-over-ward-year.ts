import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { goals, placements, sheets } from '../../../db/schema';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import { canOnWard } from '../../../domain/ward-policy';
import { AppError } from '../../app-error';
import { findWard } from '../organizations/find-ward';
import { type HistoryActor, recordHistory } from '../sheets/history';

export interface RolloverSummary {
  fromYear: number;
  toYear: number;
  created: { sheetId: string; title: string }[];
  /** Organizations that already had a sheet for the new year (left as they are). */
  skipped: string[];
}

/**
 * Next year's sheets of a 部区 from this year's, in one action (企画担当): every sheet becomes a
 * 下書き of the next year with the same goals, 主な取組 and indicators — the same series, so
 * the new sheet's three 実績 columns are read from the stored results, nothing copied.
 * Targets, results and evaluations start empty; 補足 is carried over.
 */
export async function rollOverWardYear(
  db: Db,
  options: {
    actor: Actor;
    by: HistoryActor;
    ward: string;
    municipality?: string | undefined;
    fromYear: number;
  },
): Promise<RolloverSummary> {
  const ward = await findWard(db, options);
  if (!canOnWard(options.actor, 'rollover', { municipalityId: ward.municipalityId, wardId: ward.id })) {
    throw new AppError(
      'forbidden',
      `${ward.name}の次年度シートを作成する権限がありません（企画担当が行えます）。`,
    );
  }
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
    for (const sheet of from) {
      const title = sheet.organizationName ?? sheet.departmentName;
      if (taken.has(sheet.organizationId)) {
        summary.skipped.push(title);
        continue;
      }
      const [created] = await tx
        .insert(sheets)
        .values({
          organizationId: sheet.organizationId,
          wardId: sheet.wardId,
          fiscalYear: toYear,
          position: sheet.position,
          departmentName: sheet.departmentName,
          organizationName: sheet.organizationName,
          phone: sheet.phone,
          purpose: sheet.purpose,
          approach: sheet.approach,
          status: 'draft',
        })
        .returning({ id: sheets.id });
      if (!created) throw new Error('insert returned no row');
      for (const goal of goalRows.filter((g) => g.sheetId === sheet.id)) {
        const [newGoal] = await tx
          .insert(goals)
          .values({
            sheetId: created.id,
            no: goal.no,
            parentNo: goal.parentNo,
            text: goal.text,
            initiatives: goal.initiatives,
          })
          .returning({ id: goals.id });
        const carried = placementRows.filter((p) => p.goalId === goal.id);
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
        comment: `${formatFiscalYear(options.fromYear)}のシートから作成`,
        changes: [],
      });
      await notifySheetChanged(tx, [created.id]);
      summary.created.push({ sheetId: created.id, title });
    }
    return summary;
  });
}
