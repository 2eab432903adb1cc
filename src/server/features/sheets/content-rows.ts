import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { goals, indicators, placements } from '../../../db/schema';
import type { Direction, Evaluation } from '../../../domain/evaluation';

/**
 * A sheet's content rows written in a fixed number of statements however many changed: one
 * UPDATE … FROM (VALUES …) per table, one DELETE … WHERE id IN (…). Each writes nothing and
 * sends nothing when given no rows.
 */

export interface GoalFields {
  parentNo: number | null;
  text: string;
  initiatives: string[];
}

export interface PlacementFields {
  indicatorId: string;
  note: string | null;
  achievement: string | null;
  evaluation: Evaluation | null;
  evaluationReason: string | null;
  milestoneDone: boolean | null;
}

export interface SeriesFields {
  name: string;
  unit: string | null;
  direction: Direction;
}

/** `(v1, v2, …), (…)`: typed VALUES rows (parameters arrive untyped, so each is cast). */
const valuesList = (rows: SQL[][]) =>
  sql.join(
    rows.map((cells) => sql`(${sql.join(cells, sql`, `)})`),
    sql`, `,
  );

export async function updateGoals(tx: Tx, rows: (GoalFields & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const values = valuesList(
    rows.map((g) => [
      sql`${g.id}::uuid`,
      sql`${g.parentNo}::integer`,
      sql`${g.text}::text`,
      sql`${JSON.stringify(g.initiatives)}::jsonb`,
    ]),
  );
  await tx.execute(sql`update ${goals} set parent_no = v.parent_no, text = v.text, initiatives = v.initiatives
    from (values ${values}) as v(id, parent_no, text, initiatives) where ${goals.id} = v.id`);
}

export async function updatePlacements(tx: Tx, rows: (PlacementFields & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const values = valuesList(
    rows.map((p) => [
      sql`${p.id}::uuid`,
      sql`${p.indicatorId}::uuid`,
      sql`${p.note}::text`,
      sql`${p.achievement}::text`,
      sql`${p.evaluation}::text`,
      sql`${p.evaluationReason}::text`,
      sql`${p.milestoneDone}::boolean`,
    ]),
  );
  await tx.execute(sql`update ${placements} set indicator_id = v.indicator_id, note = v.note,
    achievement = v.achievement, evaluation = v.evaluation, evaluation_reason = v.evaluation_reason,
    milestone_done = v.milestone_done
    from (values ${values}) as v(id, indicator_id, note, achievement, evaluation, evaluation_reason, milestone_done)
    where ${placements.id} = v.id`);
}

export async function updateSeries(tx: Tx, rows: (SeriesFields & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  const values = valuesList(
    rows.map((s) => [
      sql`${s.id}::uuid`,
      sql`${s.name}::text`,
      sql`${s.unit}::text`,
      sql`${s.direction}::text`,
    ]),
  );
  await tx.execute(sql`update ${indicators} set name = v.name, unit = v.unit, direction = v.direction
    from (values ${values}) as v(id, name, unit, direction) where ${indicators.id} = v.id`);
}

export async function deleteGoals(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(goals).where(inArray(goals.id, ids));
}

export async function deletePlacements(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(placements).where(inArray(placements.id, ids));
}

export const sameGoal = (a: GoalFields, b: GoalFields) =>
  a.parentNo === b.parentNo &&
  a.text === b.text &&
  JSON.stringify(a.initiatives) === JSON.stringify(b.initiatives);

export const samePlacement = (a: PlacementFields, b: PlacementFields) =>
  a.indicatorId === b.indicatorId &&
  a.note === b.note &&
  a.achievement === b.achievement &&
  a.evaluation === b.evaluation &&
  a.evaluationReason === b.evaluationReason &&
  a.milestoneDone === b.milestoneDone;

export const sameSeries = (a: SeriesFields, b: SeriesFields) =>
  a.name === b.name && a.unit === b.unit && a.direction === b.direction;
